namespace ReflectBot.Safety;

/// <summary>Whether text for a user must be held back, and why (the writer is told which).</summary>
public sealed record OthersTextVerdict(OthersTextReason Reason)
{
    public static OthersTextVerdict Passed { get; } = new(OthersTextReason.None);

    public bool Held => Reason != OthersTextReason.None;
}

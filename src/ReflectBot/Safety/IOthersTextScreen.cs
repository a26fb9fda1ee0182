namespace ReflectBot.Safety;

/// <summary>
/// Screens text someone else wrote before it is shown to a user (a clinician's reply to a shared entry):
/// the message screen reads what the writer says about themselves, this also reads what the text says to
/// its reader ("you should just kill yourself", "nobody would miss you"). A feature that passes words from
/// one person to another calls it and holds the text back when it says so.
/// </summary>
public interface IOthersTextScreen
{
    Task<OthersTextVerdict> CheckAsync(string text, CancellationToken cancellationToken = default);
}

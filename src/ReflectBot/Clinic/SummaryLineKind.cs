namespace ReflectBot.Clinic;

/// <summary>How a <see cref="SummaryLine"/> is drawn.</summary>
public enum SummaryLineKind
{
    Title,
    Heading,
    Text,

    /// <summary>A question (Text) and the answer given (Detail).</summary>
    Answer,

    /// <summary>Where the mood chart goes, when there is one.</summary>
    Chart,
}

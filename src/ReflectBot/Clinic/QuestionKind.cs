namespace ReflectBot.Clinic;

/// <summary>How a question of a clinician's own reflection is answered.</summary>
public enum QuestionKind
{
    /// <summary>In the client's own words.</summary>
    Text,

    /// <summary>A whole number from 0 to 10.</summary>
    Scale,

    /// <summary>One of the clinician's options.</summary>
    Choice,
}

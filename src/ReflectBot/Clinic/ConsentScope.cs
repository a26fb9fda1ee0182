namespace ReflectBot.Clinic;

/// <summary>What a client may let a linked clinician see; each is asked separately and is off until the client says yes.</summary>
public enum ConsentScope
{
    /// <summary>Done or missed for assigned reflections, and the date of the last check-in.</summary>
    Completion,

    /// <summary>Mood scores (the chart), check-in measure scores, and how many times safety support was shown (a count, never text).</summary>
    Mood,

    /// <summary>The journal entries the client marks with "share entry", and nothing else.</summary>
    SharedEntries,

    /// <summary>Each answer of a questionnaire (PHQ-9, GAD-7) over time, beside the totals; only with <see cref="Mood"/>.</summary>
    MeasureAnswers,
}

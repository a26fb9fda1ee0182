namespace ReflectBot.Content;

/// <summary>A standard check-in measure as written in <c>dialogs/measures/*.yaml</c>.</summary>
public sealed class MeasureDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public List<string> Commands { get; set; } = [];

    /// <summary>The terms of use the measure is shipped under (see dialogs/measures/TERMS.md).</summary>
    public string Terms { get; set; } = string.Empty;

    /// <summary>Said before each item.</summary>
    public string Preamble { get; set; } = string.Empty;

    public List<MeasureOption> Options { get; set; } = [];

    public List<MeasureItem> Items { get; set; } = [];

    public List<MeasureBand> Bands { get; set; } = [];

    /// <summary>The unscored closing question, if the measure has one.</summary>
    public MeasureDifficulty? Difficulty { get; set; }

    public int MaxScore => Items.Count * (Options.Count == 0 ? 0 : Options.Max(o => o.Value));

    public string BandOf(int score) => Bands.FirstOrDefault(b => score >= b.Min && score <= b.Max) is { } band ? $"{band.Min}-{band.Max}" : string.Empty;
}

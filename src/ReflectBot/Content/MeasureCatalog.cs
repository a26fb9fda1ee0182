using Microsoft.Extensions.Options;

namespace ReflectBot.Content;

/// <summary>The measures in <c>{content}/measures/*.yaml</c>, loaded once; a broken file stops start-up naming file and line.</summary>
public sealed class MeasureCatalog
{
    public const string DialogPrefix = "measure-";

    private readonly Dictionary<string, MeasureDefinition> _byId;

    public MeasureCatalog(IOptions<ContentOptions> options)
        : this(Load(options?.Value.Path ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    public MeasureCatalog(IEnumerable<MeasureDefinition> measures)
    {
        _byId = measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<MeasureDefinition> All => _byId.Values;

    public MeasureDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public MeasureDefinition? ByCommand(string? text)
    {
        var normalized = JourneyCatalog.Normalize(text);
        return normalized.Length == 0 ? null : _byId.Values.FirstOrDefault(m => m.Commands.Any(c => JourneyCatalog.Normalize(c) == normalized));
    }

    /// <summary>The measures of a content folder, or <see cref="ContentException"/> listing every problem.</summary>
    public static IReadOnlyList<MeasureDefinition> Load(string contentFolder)
    {
        var errors = new List<ContentError>();
        var measures = MeasureLoader.LoadAll(contentFolder, errors);
        return errors.Count > 0 ? throw new ContentException(errors) : measures;
    }
}

using Microsoft.Extensions.Options;
using ReflectBot.Journeys;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ReflectBot.Clinic;

/// <summary>The measures in <c>{content}/measures/*.yaml</c>, loaded once; a broken file stops start-up naming file and line.</summary>
public sealed class MeasureCatalog
{
    public const string DialogPrefix = "measure-";

    private readonly Dictionary<string, MeasureDefinition> _byId;

    public MeasureCatalog(IOptions<ContentOptions> options)
        : this(Load(Path.Combine(options?.Value.Path ?? throw new ArgumentNullException(nameof(options)), "measures")))
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

    public static IReadOnlyList<MeasureDefinition> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var errors = new List<ContentError>();
        var measures = new List<MeasureDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = Path.Combine("measures", Path.GetFileName(file));
            try
            {
                var measure = deserializer.Deserialize<MeasureDefinition>(File.ReadAllText(file));
                if (measure is null || measure.Id.Length == 0 || measure.Items.Count == 0 || measure.Options.Count == 0)
                {
                    errors.Add(new ContentError(display, 1, "a measure needs an id, options and items."));
                    continue;
                }

                measures.Add(measure);
            }
            catch (YamlException ex)
            {
                errors.Add(new ContentError(display, (int)Math.Max(1, ex.Start.Line), ex.InnerException?.Message ?? ex.Message));
            }
        }

        return errors.Count > 0 ? throw new ContentException(errors) : measures;
    }
}

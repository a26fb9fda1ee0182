using Microsoft.Extensions.Options;

namespace ReflectBot.Content;

/// <summary>
/// Every journey in the content folder, loaded and checked once at start-up. A broken file stops
/// start-up with every problem listed (file, line, what is wrong).
/// </summary>
public sealed class JourneyCatalog
{
    private readonly Dictionary<string, JourneyDefinition> _byId;

    /// <summary>The journeys of the content folder, checked with the cards they name.</summary>
    public JourneyCatalog(IOptions<ContentOptions> options)
        : this(ContentLibrary.Load(options?.Value.Path ?? throw new ArgumentNullException(nameof(options))).Journeys.All)
    {
    }

    public JourneyCatalog(IEnumerable<JourneyDefinition> journeys)
    {
        // A duplicate id is reported by the loader; the first file keeps it here.
        _byId = journeys.GroupBy(j => j.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<JourneyDefinition> All => _byId.Values;

    public JourneyDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The journey a command starts ("check in"), matched on the whole message.</summary>
    public JourneyDefinition? ByCommand(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0
            ? null
            : _byId.Values.FirstOrDefault(j => j.Commands.Any(c => Normalize(c) == normalized) || Normalize(j.Title) == normalized);
    }

    /// <summary>Loads every journey file under <paramref name="folder"/>/journeys (and checks the cards they name), or throws <see cref="ContentException"/> listing every problem.</summary>
    public static IReadOnlyList<JourneyDefinition> Load(string folder) => [.. ContentLibrary.Load(folder).Journeys.All];

    /// <summary>The journey files alone, each checked on its own; <see cref="ContentLibrary"/> checks what they name.</summary>
    public static IReadOnlyList<JourneyDefinition> LoadWithErrors(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var journeysFolder = Path.Combine(folder, "journeys");
        if (!Directory.Exists(journeysFolder))
        {
            errors.Add(new ContentError(journeysFolder, 1, "the content folder has no journeys/ folder."));
            return [];
        }

        var journeys = new List<JourneyDefinition>();
        foreach (var file in Directory.EnumerateFiles(journeysFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(folder, file);
            if (JourneyLoader.Load(file, display, errors) is { } journey)
            {
                journeys.Add(journey);
            }
        }

        foreach (var group in journeys.Where(j => j.Id.Length > 0).GroupBy(j => j.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentError(group.Last().SourceFile, 1, $"journey id '{group.Key}' is also used by {group.First().SourceFile}."));
        }

        return journeys;
    }

    internal static string Normalize(string? text)
        => string.Join(' ', (text ?? string.Empty).ToLowerInvariant()
            .Split([' ', '\t', '-', '!', '.', '?', ','], StringSplitOptions.RemoveEmptyEntries));
}

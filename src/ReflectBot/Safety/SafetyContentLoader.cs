using System.Globalization;
using System.Text.RegularExpressions;
using ReflectBot.Journeys;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Safety;

/// <summary>Reads <c>dialogs/safety/*.yaml</c>, collecting every problem with its file and line.</summary>
public static class SafetyContentLoader
{
    public static SafetyLexicon? LoadLexicon(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (root, reader) = Open(folder, "lexicon.yaml", errors);
        if (root is null || reader is null)
        {
            return null;
        }

        reader.OnlyKeys(root, "version", "classes", "idioms", "negations", "thirdParty", "pastMarkers", "resolvedMarkers", "recurrenceMarkers");
        var classes = new List<(RiskClass, IReadOnlyList<Regex>)>();
        foreach (var map in reader.Maps(root, "classes", required: true))
        {
            reader.OnlyKeys(map, "id", "label", "patterns");
            var id = reader.String(map, "id", required: true);
            var risk = RiskClasses.FromId(id);
            if (id is not null && risk == RiskClass.None)
            {
                reader.Error(map, $"unknown class '{id}' (expected one of: {string.Join(", ", RiskClasses.All.Select(RiskClasses.IdOf))}).");
            }

            var patterns = Patterns(reader, map, "patterns");
            if (patterns.Count == 0)
            {
                reader.Error(map, "a class needs at least one pattern.");
            }

            classes.Add((risk, patterns));
        }

        foreach (var missing in RiskClasses.All.Where(c => classes.All(x => x.Item1 != c)))
        {
            reader.Error(root, $"class '{RiskClasses.IdOf(missing)}' is missing.");
        }

        return new SafetyLexicon
        {
            Classes = [.. classes.Where(c => c.Item1 != RiskClass.None).OrderBy(c => c.Item1)],
            Idioms = Patterns(reader, root, "idioms"),
            Negations = Patterns(reader, root, "negations"),
            ThirdParty = Patterns(reader, root, "thirdParty"),
            PastMarkers = Patterns(reader, root, "pastMarkers"),
            ResolvedMarkers = Patterns(reader, root, "resolvedMarkers"),
            RecurrenceMarkers = Patterns(reader, root, "recurrenceMarkers"),
        };
    }

    public static CrisisResources? LoadResources(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (root, reader) = Open(folder, "resources.yaml", errors);
        if (root is null || reader is null)
        {
            return null;
        }

        reader.OnlyKeys(root, "version", "regions", "fallback", "emergency");
        var regions = new List<CrisisRegion>();
        foreach (var map in reader.Maps(root, "regions", required: true))
        {
            reader.OnlyKeys(map, "id", "name", "aliases", "countries", "timeZones", "resources");
            var resources = new List<CrisisResource>();
            foreach (var item in reader.Maps(map, "resources", required: true))
            {
                if (Resource(reader, item, numberRequired: true) is { } resource)
                {
                    resources.Add(resource);
                }
            }

            if (resources.Count == 0)
            {
                reader.Error(map, "a region needs at least one resource.");
            }

            regions.Add(new CrisisRegion(
                reader.String(map, "id", required: true) ?? string.Empty,
                reader.String(map, "name", required: true) ?? string.Empty,
                reader.Strings(map, "aliases"),
                reader.Strings(map, "countries"),
                reader.Strings(map, "timeZones"),
                resources));
        }

        var fallbackMap = reader.Map(root, "fallback", required: true);
        var fallback = fallbackMap is null ? null : Resource(reader, fallbackMap, numberRequired: false);
        var emergency = reader.String(root, "emergency", required: true);
        return fallback is null || emergency is null ? null : new CrisisResources(regions, fallback, emergency);
    }

    private static CrisisResource? Resource(YamlReader reader, YamlMappingNode map, bool numberRequired)
    {
        reader.OnlyKeys(map, "name", "number", "how", "url", "checked");
        var name = reader.String(map, "name", required: true);
        var number = reader.String(map, "number", required: numberRequired);
        var how = reader.String(map, "how", required: true);
        var url = reader.String(map, "url", required: !numberRequired);
        var checkedText = reader.String(map, "checked", required: true);
        DateOnly? checkedOn = null;
        if (checkedText is not null)
        {
            if (DateOnly.TryParseExact(checkedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                checkedOn = date;
            }
            else
            {
                reader.Error(YamlReader.Child(map, "checked"), "'checked' should be a date like 2026-01-31.");
            }
        }

        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            reader.Error(YamlReader.Child(map, "url"), "'url' should be an absolute link.");
        }

        return name is null || how is null || checkedOn is null ? null : new CrisisResource(name, number, how, url, checkedOn.Value);
    }

    private static List<Regex> Patterns(YamlReader reader, YamlMappingNode map, string key)
    {
        var patterns = new List<Regex>();
        if (YamlReader.Child(map, key) is not YamlSequenceNode sequence)
        {
            if (YamlReader.Child(map, key) is { } other)
            {
                reader.Error(other, $"'{key}' should be a list of patterns.");
            }

            return patterns;
        }

        foreach (var node in sequence)
        {
            if (node is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                reader.Error(node, $"every item of '{key}' should be a pattern (text).");
                continue;
            }

            try
            {
                patterns.Add(new Regex(text, SafetyLexicon.Options, TimeSpan.FromSeconds(1)));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                reader.Error(node, $"pattern is not a valid regular expression for the non-backtracking engine: {ex.Message}");
            }
        }

        return patterns;
    }

    private static (YamlMappingNode? Root, YamlReader? Reader) Open(string folder, string name, List<ContentError> errors)
    {
        var path = Path.Combine(folder, "safety", name);
        var display = Path.Combine("safety", name);
        if (!File.Exists(path))
        {
            errors.Add(new ContentError(display, 1, "the content folder has no " + display + "."));
            return (null, null);
        }

        var stream = new YamlStream();
        try
        {
            using var text = File.OpenText(path);
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            errors.Add(new ContentError(display, (int)Math.Max(1, ex.Start.Line), ex.Message));
            return (null, null);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ContentError(display, 1, "the file should be a mapping (key: value lines)."));
            return (null, null);
        }

        return (root, new YamlReader(display, errors));
    }
}

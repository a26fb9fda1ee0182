using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>Reads <c>dialogs/safety/*.yaml</c>, collecting every problem with its file and line.</summary>
public static class SafetyContentLoader
{
    /// <summary>The lists of <c>lexicon.yaml</c> besides classes and spellings, each a list of patterns.</summary>
    public static IReadOnlyList<string> MarkerLists { get; } =
        ["idioms", "negations", "affirmations", "otherPeople", "settings", "firstPerson", "pastMarkers", "resolvedMarkers", "presentMarkers", "habitualMarkers", "pastTense", "addressed", "recurrenceMarkers", "minorMarkers"];

    public static SafetyLexicon? LoadLexicon(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (root, reader) = Open(folder, "lexicon.yaml", errors);
        if (root is null || reader is null)
        {
            return null;
        }

        reader.OnlyKeys(root, ["version", "spellings", "classes", .. MarkerLists]);
        var classes = new List<LexiconClass>();
        foreach (var map in reader.Maps(root, "classes", required: true))
        {
            reader.OnlyKeys(map, "id", "label", "patterns", "topics");
            var id = reader.String(map, "id", required: true);
            var risk = RiskClasses.FromId(id);
            if (id is not null && risk == RiskClass.None)
            {
                reader.Error(map, $"unknown class '{id}' (expected one of: {string.Join(", ", RiskClasses.All.Select(RiskClasses.IdOf))}).");
            }
            else if (classes.Any(c => c.Class == risk))
            {
                reader.Error(map, $"class '{id}' is listed twice.");
            }

            var patterns = Patterns(reader, map, "patterns");
            var topics = Patterns(reader, map, "topics");
            if (patterns.Count + topics.Count == 0)
            {
                reader.Error(map, "a class needs at least one pattern or topic.");
            }

            classes.Add(new LexiconClass(risk, patterns, topics));
        }

        foreach (var missing in RiskClasses.All.Where(c => classes.All(x => x.Class != c)))
        {
            reader.Error(root, $"class '{RiskClasses.IdOf(missing)}' is missing.");
        }

        return new SafetyLexicon
        {
            Spellings = Spellings(reader, root),
            Classes = [.. classes.Where(c => c.Class != RiskClass.None).OrderBy(c => c.Class)],
            Idioms = Patterns(reader, root, "idioms"),
            Negations = Patterns(reader, root, "negations"),
            Affirmations = Patterns(reader, root, "affirmations"),
            OtherPeople = Patterns(reader, root, "otherPeople"),
            Settings = Patterns(reader, root, "settings"),
            FirstPerson = Patterns(reader, root, "firstPerson"),
            PastMarkers = Patterns(reader, root, "pastMarkers"),
            ResolvedMarkers = Patterns(reader, root, "resolvedMarkers"),
            PresentMarkers = Patterns(reader, root, "presentMarkers"),
            HabitualMarkers = Patterns(reader, root, "habitualMarkers"),
            PastTense = Patterns(reader, root, "pastTense"),
            Addressed = Patterns(reader, root, "addressed"),
            RecurrenceMarkers = Patterns(reader, root, "recurrenceMarkers"),
            MinorMarkers = Patterns(reader, root, "minorMarkers"),
        };
    }

    /// <summary>"spellings": word: [variants]; every variant and the word itself map to the word.</summary>
    private static Dictionary<string, string> Spellings(YamlReader reader, YamlMappingNode root)
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlReader.Child(root, "spellings") is not { } node)
        {
            return spellings;
        }

        if (node is not YamlMappingNode map)
        {
            reader.Error(node, "'spellings' should map each word to a list of its misspellings.");
            return spellings;
        }

        foreach (var (key, value) in map.Children)
        {
            var word = (key as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(word) || value is not YamlSequenceNode variants)
            {
                reader.Error(key, "every spelling should be a word with a list of variants, like suicide: [sucide, suicde].");
                continue;
            }

            spellings.TryAdd(word, word);
            foreach (var variant in variants)
            {
                var text = (variant as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
                if (string.IsNullOrEmpty(text) || text.Any(c => !char.IsLetterOrDigit(c) && c != '\''))
                {
                    reader.Error(variant, "a variant is one word (letters, digits and apostrophes).");
                }
                else if (spellings.TryGetValue(text, out var other) && other != word && text != other)
                {
                    reader.Error(variant, $"'{text}' is already a variant of '{other}'.");
                }
                else
                {
                    spellings[text] = word;
                }
            }
        }

        return spellings;
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
        var emergencyText = reader.String(root, "emergency", required: true);
        var regions = new List<CrisisRegion>();
        foreach (var map in reader.Maps(root, "regions", required: true))
        {
            reader.OnlyKeys(map, "id", "name", "aliases", "countries", "timeZones", "emergency", "resources");
            var resources = new List<CrisisResource>();
            foreach (var item in reader.Maps(map, "resources", required: true))
            {
                if (Resource(reader, item, numberRequired: false) is { } resource)
                {
                    resources.Add(resource);
                }
            }

            if (resources.Count > 0 && !resources.Any(r => r.For.Contains(CrisisResource.Crisis)))
            {
                reader.Error(map, "a region needs at least one crisis line.");
            }

            regions.Add(new CrisisRegion(
                reader.String(map, "id", required: true) ?? string.Empty,
                reader.String(map, "name", required: true) ?? string.Empty,
                reader.Strings(map, "aliases"),
                reader.Strings(map, "countries"),
                reader.Strings(map, "timeZones"),
                reader.String(map, "emergency", required: true) ?? string.Empty,
                resources));
        }

        var fallbackMap = reader.Map(root, "fallback", required: true);
        var fallback = fallbackMap is null ? null : Resource(reader, fallbackMap, numberRequired: false, directory: true);
        return fallback is null || emergencyText is null ? null : new CrisisResources(regions, fallback, emergencyText);
    }

    private static CrisisResource? Resource(YamlReader reader, YamlMappingNode map, bool numberRequired, bool directory = false)
    {
        reader.OnlyKeys(map, directory ? ["name", "how", "url", "checked"] : ["name", "for", "number", "how", "url", "checked"]);
        var name = reader.String(map, "name", required: true);
        var number = reader.String(map, "number", required: numberRequired);
        var how = reader.String(map, "how", required: true);
        var topics = directory ? [] : reader.Strings(map, "for");
        var crisis = topics.Contains(CrisisResource.Crisis);
        if (crisis && number is null)
        {
            reader.Error(map, "a crisis line needs a 'number'; a directory without one can be for abuse, children or eating.");
        }

        var url = reader.String(map, "url", required: number is null && !crisis);
        if (!directory && topics.Count == 0)
        {
            reader.Error(map, "'for' is missing: say what the line is for (crisis, abuse, children, eating).");
        }

        foreach (var topic in topics.Where(t => !CrisisResource.Topics.Contains(t)))
        {
            reader.Error(YamlReader.Child(map, "for"), $"unknown topic '{topic}' (expected one of: {string.Join(", ", CrisisResource.Topics)}).");
        }

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

        return name is null || how is null || checkedOn is null ? null : new CrisisResource(name, number, how, url, checkedOn.Value, topics);
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

            if (RegexBounds.Problem(text) is { } problem)
            {
                reader.Error(node, problem);
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

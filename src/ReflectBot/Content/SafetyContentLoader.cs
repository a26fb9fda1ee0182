using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static ReflectBot.Content.YamlValues;

namespace ReflectBot.Content;

/// <summary>
/// Reads <c>dialogs/safety/lexicon.yaml</c> and <c>resources.yaml</c>. Their shape is safety-lexicon.schema.json's and
/// crisis-resources.schema.json's to check; here only what a schema cannot say: every risk class listed once, a
/// misspelling under one word only, and every pattern a regular expression of bounded cost.
/// </summary>
public static class SafetyContentLoader
{
    public static SafetyLexicon? LoadLexicon(string folder, List<ContentError> errors)
        => LoadLexicon(folder, errors, SafetyLexicon.MatchTimeout);

    /// <param name="folder">The content folder.</param>
    /// <param name="errors">Where problems go, with file and line.</param>
    /// <param name="matchTimeout">Each pattern's time limit (tests shorten it to make every first try run out of time).</param>
    public static SafetyLexicon? LoadLexicon(string folder, List<ContentError> errors, TimeSpan matchTimeout)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Open(folder, "lexicon.yaml", errors) is not ({ } root, var display))
        {
            return null;
        }

        void Error(YamlNode node, string message) => errors.Add(new ContentError(display, YamlJson.LineOf(node), message));
        PatternSet Patterns(YamlMappingNode map, string key) => SafetyContentLoader.Patterns(map, key, Error, matchTimeout);

        var classes = new List<LexiconClass>();
        foreach (var map in Maps(root, "classes"))
        {
            var risk = RiskClasses.FromId(Text(map, "id"));
            if (classes.Any(c => c.Class == risk))
            {
                Error(map, $"class '{RiskClasses.IdOf(risk)}' is listed twice.");
            }

            classes.Add(new LexiconClass(risk, Patterns(map, "patterns"), Patterns(map, "topics")));
        }

        foreach (var missing in RiskClasses.All.Where(c => classes.All(x => x.Class != c)))
        {
            Error(root, $"class '{RiskClasses.IdOf(missing)}' is missing.");
        }

        return new SafetyLexicon
        {
            Spellings = Spellings(root, Error),
            Classes = [.. classes.DistinctBy(c => c.Class).OrderBy(c => c.Class)],
            Idioms = Patterns(root, "idioms"),
            Negations = Patterns(root, "negations"),
            Affirmations = Patterns(root, "affirmations"),
            OtherPeople = Patterns(root, "otherPeople"),
            Settings = Patterns(root, "settings"),
            FirstPerson = Patterns(root, "firstPerson"),
            PastMarkers = Patterns(root, "pastMarkers"),
            ResolvedMarkers = Patterns(root, "resolvedMarkers"),
            PresentMarkers = Patterns(root, "presentMarkers"),
            HabitualMarkers = Patterns(root, "habitualMarkers"),
            PastTense = Patterns(root, "pastTense"),
            Addressed = Patterns(root, "addressed"),
            RecurrenceMarkers = Patterns(root, "recurrenceMarkers"),
            MinorMarkers = Patterns(root, "minorMarkers"),
            Plans = Patterns(root, "plans"),
            VoiceMarkers = Patterns(root, "voiceMarkers"),
            VoiceNamed = Patterns(root, "voiceNamed"),
            VoiceSpeech = Patterns(root, "voiceSpeech"),
            ToReader = Patterns(root, "toReader"),
            ClosenessQuestions = Patterns(root, "closenessQuestions"),
            ClosenessExcept = Patterns(root, "closenessExcept"),
        };
    }

    /// <summary>"spellings": word: [variants]; every variant and the word itself map to the word.</summary>
    private static Dictionary<string, string> Spellings(YamlMappingNode root, Action<YamlNode, string> error)
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(root, "spellings")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var word = ((YamlScalarNode)key).Value!.Trim().ToLowerInvariant();
            spellings.TryAdd(word, word);
            foreach (var variant in ((YamlSequenceNode)value).Children)
            {
                var text = ((YamlScalarNode)variant).Value!.ToLowerInvariant();
                if (spellings.TryGetValue(text, out var other) && other != word && text != other)
                {
                    error(variant, $"'{text}' is already a variant of '{other}'.");
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
        if (Open(folder, "resources.yaml", errors) is not ({ } root, _))
        {
            return null;
        }

        var regions = Maps(root, "regions").Select(map => new CrisisRegion(
            Text(map, "id")!,
            Text(map, "name")!,
            Texts(map, "aliases"),
            Texts(map, "countries"),
            Texts(map, "timeZones"),
            Text(map, "emergency")!,
            [.. Maps(map, "resources").Select(Resource)])).ToList();
        return new CrisisResources(regions, Resource(Map(root, "fallback")!), Text(root, "emergency")!);
    }

    private static CrisisResource Resource(YamlMappingNode map)
        => new(
            Text(map, "name")!,
            Text(map, "number"),
            Text(map, "how")!,
            Text(map, "url"),
            DateOnly.ParseExact(Text(map, "checked")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Texts(map, "for"));

    private static PatternSet Patterns(YamlMappingNode map, string key, Action<YamlNode, string> error, TimeSpan matchTimeout)
    {
        var patterns = new List<Regex>();
        foreach (var node in (Child(map, key) as YamlSequenceNode)?.Children.OfType<YamlScalarNode>() ?? [])
        {
            var text = node.Value!;
            if (RegexBounds.Problem(text) is { } problem)
            {
                error(node, problem);
                continue;
            }

            try
            {
                patterns.Add(new Regex(text, SafetyLexicon.Options, matchTimeout));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                error(node, $"pattern is not a valid regular expression: {ex.Message}");
            }
        }

        return new PatternSet(patterns);
    }

    /// <summary>The file <c>safety/{name}</c>, matched against its schema; null (and why in <paramref name="errors"/>) when it is absent or does not match.</summary>
    internal static (YamlMappingNode? Root, string Display) Open(string folder, string name, List<ContentError> errors)
    {
        var display = Path.Combine("safety", name);
        var path = Path.Combine(folder, display);
        if (!File.Exists(path))
        {
            errors.Add(new ContentError(display, 1, "the content folder has no " + display + "."));
            return (null, display);
        }

        return (Read(path, display, errors), display);
    }
}

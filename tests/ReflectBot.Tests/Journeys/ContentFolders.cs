using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>The repo's own dialogs/ folder, and small content folders written for one test.</summary>
public static class ContentFolders
{
    /// <summary>The repo's dialogs/, found by walking up from the test binaries to the solution.</summary>
    public static string Shipped
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ReflectBot.sln")))
                {
                    return Path.Combine(dir.FullName, "dialogs");
                }
            }

            throw new InvalidOperationException("ReflectBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A sentence of the shipped <c>dialogs/strings/</c>, as the bot says it.</summary>
    public static string Say(ReflectBot.Content.StringKey key, params (string Name, object? Value)[] values)
        => ReflectBot.Content.ContentLibrary.Load(Shipped).Strings.Text(key, values);

    /// <summary>The wordings of one question of a shipped journey (the bot picks one of them each day).</summary>
    public static List<string> Prompts(string journey, string step)
        => ReflectBot.Content.ContentLibrary.Load(Shipped).Journeys.Find(journey)!.Steps.Single(s => s.Id == step).Prompt;

    /// <summary>Whether <paramref name="replies"/> ask that question of a shipped journey, in any of its wordings.</summary>
    public static bool Asks(string replies, string journey, string step)
        => Prompts(journey, step).Any(p => replies.Contains(p, StringComparison.Ordinal));

    /// <summary>
    /// The JSON Schema in dialogs/schema that a content file (path under the content folder) is written
    /// against: one per kind of file. A file of a new kind fails here until it has its own schema.
    /// </summary>
    public static string SchemaFor(string file)
    {
        var path = file.Replace('\\', '/');
        return path switch
        {
            _ when path.StartsWith("journeys/", StringComparison.Ordinal) => "journey",
            _ when path.StartsWith("cards/", StringComparison.Ordinal) => "card",
            _ when path.StartsWith("measures/", StringComparison.Ordinal) => "measure",
            "safety/lexicon.yaml" => "safety-lexicon",
            "safety/resources.yaml" => "crisis-resources",
            "safety/replies.yaml" => "safety-replies",
            "safety/examples.yaml" => "safety-examples",
            "keywords/cues.yaml" => "keyword-cues",
            _ when path.StartsWith("strings/", StringComparison.Ordinal) => "strings",
            _ => throw new InvalidOperationException($"{file}: no JSON Schema is known for this file; add one to dialogs/schema and map it here."),
        } + ".schema.json";
    }

    public const string ValidCard = """
        id: a-card
        title: A card
        text: >-
          one two three four five six seven eight nine ten one two three four five six seven eight nine ten
          one two three four five six seven eight nine ten one two three four five six seven eight nine ten
          one two three four five six seven eight nine ten one two three four five six seven eight nine ten
        question: Does it fit?
        journey: small
        tags: [test]
        keywords: [fit]
        """;

    public const string ValidJourney = """
        id: small
        title: Small
        summary: A small journey.
        steps:
          - id: one
            prompt: How is it?
            answer:
              kind: text
        """;

    /// <summary>A copy of the shipped content folder, for a test that changes one file of it.</summary>
    public static string CopyOfShipped()
    {
        var root = TempFolder.Create();
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return root;
    }

    /// <summary>
    /// A folder of valid content (one journey, one card, the shipped strings and safety folder: lexicon, resources, replies, model and its sets),
    /// plus the given files (path under the folder, YAML), which may replace any of them.
    /// </summary>
    public static string With(params (string Path, string Yaml)[] files)
    {
        var root = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(root, "journeys"));
        Directory.CreateDirectory(Path.Combine(root, "cards"));
        Directory.CreateDirectory(Path.Combine(root, "safety"));
        File.WriteAllText(Path.Combine(root, "journeys", "small.yaml"), ValidJourney);
        File.WriteAllText(Path.Combine(root, "cards", "a-card.yaml"), ValidCard);
        foreach (var file in new[] { "safety", "strings" }.SelectMany(kind => Directory.EnumerateFiles(Path.Combine(Shipped, kind), "*", SearchOption.AllDirectories)))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var (path, yaml) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), yaml);
        }

        return root;
    }
}

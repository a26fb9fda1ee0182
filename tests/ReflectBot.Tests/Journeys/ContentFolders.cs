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

    /// <summary>A folder holding one valid journey and one valid card, plus the given files (path under the folder, YAML).</summary>
    public static string With(params (string Path, string Yaml)[] files)
    {
        var root = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(root, "journeys"));
        Directory.CreateDirectory(Path.Combine(root, "cards"));
        File.WriteAllText(Path.Combine(root, "journeys", "small.yaml"), ValidJourney);
        File.WriteAllText(Path.Combine(root, "cards", "a-card.yaml"), ValidCard);
        foreach (var (path, yaml) in files)
        {
            File.WriteAllText(Path.Combine(root, path), yaml);
        }

        return root;
    }
}

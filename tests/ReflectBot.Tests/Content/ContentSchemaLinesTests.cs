using ReflectBot.Content;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Content;

/// <summary>
/// Measures, the safety lexicon, crisis resources, safety replies, strings and the training examples are checked
/// against their JSON Schemas when they load (start-up and <c>validate</c>): a schema error names the file, the line
/// of the mistake and what is wrong. Also the places where a schema was tightened to keep what the hand checks it
/// replaced refused.
/// </summary>
public sealed class ContentSchemaLinesTests
{
    public static TheoryData<string, string, string, string> SchemaMistakes => new()
    {
        // file, shipped text, replaced by, what the error says (the line is that of the replacement)
        { "measures/phq-9.yaml", "  - { value: 0, label: Not at all }", "  - { value: 0, label: Not at all, points: 3 }", "unknown key 'points' (expected one of: value, label)." },
        { "strings/conversation.yaml", "iAmABot:", "iAmABot: [just one]\niAmABot2:", "a key holds a sentence, or a list of 2 to 5 different wordings of it, not [\"just one\"]." },
        { "safety/resources.yaml", "        checked: 2026-11-27", "        checked: 2026-13-45", "'checked' should be a date, not '2026-13-45'." },
        { "safety/replies.yaml", "cardTitle: You don't have to go through this alone", "cardTitle: [You don't have to, go through this alone]", "'cardTitle' should be text." },
        { "safety/lexicon.yaml", "  - id: attempt", "  - id: attempts", "'id' is 'attempts'; expected one of: attempt, suicidal," },
        { "safety/examples.yaml", "  - label: suicidal", "  - label: sad", "'label' is 'sad'; expected one of: attempt," },
    };

    [Theory]
    [MemberData(nameof(SchemaMistakes))]
    public void ASchemaErrorIsReportedAtItsLineWhenTheFileLoads(string file, string from, string to, string message)
    {
        var folder = ContentFolders.CopyOfShipped();
        var path = Path.Combine(folder, file);
        var shipped = File.ReadAllText(path);
        var at = shipped.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} no longer has '{from}'");
        File.WriteAllText(path, string.Concat(shipped.AsSpan(0, at), to, shipped.AsSpan(at + from.Length)));
        var line = shipped[..at].Count(c => c == '\n') + 1;

        var errors = Load(file, folder);

        // One mistake, one error: nothing else in the file (a crisis line elsewhere in the region, say) is reported with it.
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        var error = errors[0];
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(file.Replace('/', Path.DirectorySeparatorChar), error.File);
        Assert.Equal(line, error.Line);
    }

    private const string Resources = """
        regions:
          - id: XX
            name: Testland
            emergency: "112"
            resources:
              - name: A line for abuse
                for: [abuse]
                number: "1"
                how: Call it.
                checked: 2026-01-01
        fallback:
          name: Directory
          how: Look it up.
          url: https://example.org/
          number: "2"
          checked: 2026-01-01
        emergency: Call 112.
        """;

    [Fact]
    public void ARegionWithoutACrisisLineAndAFallbackWithANumberAreRefusedByTheSchema()
    {
        var errors = Load("safety/resources.yaml", ContentFolders.With(("safety/resources.yaml", Resources)));
        Assert.All(errors, e => Assert.Equal(Path.Combine("safety", "resources.yaml"), e.File));
        Assert.True(errors.Count == 2, string.Join("\n", errors));
        Assert.Equal(5, Assert.Single(errors, e => e.Message == "a region needs at least one crisis line.").Line);
        Assert.Equal(15, Assert.Single(errors, e => e.Message == "unknown key 'number' (expected one of: name, how, url, checked).").Line);
    }

    [Fact]
    public void ALexiconClassWithAnEmptyListOfPatternsAndNoTopicsIsRefused()
    {
        var folder = ContentFolders.CopyOfShipped();
        var path = Path.Combine(folder, "safety", "lexicon.yaml");
        var shipped = File.ReadAllText(path);
        File.WriteAllText(path, shipped.Replace("classes:\n", "classes:\n  - id: voices\n    label: Empty\n    patterns: []\n", StringComparison.Ordinal));
        var line = shipped[..shipped.IndexOf("classes:\n", StringComparison.Ordinal)].Count(c => c == '\n') + 2;

        var errors = Load("safety/lexicon.yaml", folder);
        Assert.Equal(line, Assert.Single(errors, e => e.Message == "a class needs at least one pattern or topic.").Line);
    }

    [Fact]
    public void TheLabelsAndClassesTheSchemasListAreTheOnesTheCodeKnows()
    {
        Assert.Equal(ReflectBot.Safety.Evaluation.LabelledSet.Labels, Enum("safety-examples", "examples", "items", "properties", "label"));
        Assert.Equal(RiskClasses.All.Select(RiskClasses.IdOf), Enum("safety-lexicon", "classes", "items", "properties", "id"));
        Assert.Equal(CrisisResource.Topics, Enum("crisis-resources", "#resource", "for", "items"));
    }

    private static List<string> Enum(string schema, params string[] path)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(ContentFolders.Shipped, "schema", schema + ".schema.json")))!;
        foreach (var step in path)
        {
            node = step.StartsWith('#') ? node["definitions"]![step[1..]]!["properties"]! : node[step] ?? node["properties"]![step]!;
        }

        return [.. node["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
    }

    private static List<ContentError> Load(string file, string folder)
    {
        var errors = new List<ContentError>();
        _ = file.Split('/')[0] switch
        {
            "measures" => MeasureLoader.LoadAll(folder, errors),
            "strings" => (object)StringCatalog.LoadWithErrors(folder, StringCatalog.Declared(), errors),
            _ => Path.GetFileName(file) switch
            {
                "resources.yaml" => SafetyContentLoader.LoadResources(folder, errors),
                "replies.yaml" => SafetyRepliesLoader.Load(folder, errors),
                "lexicon.yaml" => SafetyContentLoader.LoadLexicon(folder, errors),
                _ => SafetyExamples.LoadExamples(folder, errors),
            },
        };
        return errors;
    }
}

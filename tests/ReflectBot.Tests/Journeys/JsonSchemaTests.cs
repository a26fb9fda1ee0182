using ReflectBot.Content;
using ReflectBot.Hosting;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Tests.Journeys;

/// <summary>
/// The JSON Schemas in dialogs/schema are what an editor checks against and what the bot applies at start-up
/// (<see cref="ContentSchemas"/>): every shipped file passes, and a mistake a schema describes stops loading.
/// </summary>
public sealed class JsonSchemaTests
{
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ContentFolders.Shipped, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(ContentFolders.Shipped, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void EveryShippedFileMatchesItsSchema(string file)
    {
        var errors = Validate(file, File.ReadAllText(Path.Combine(ContentFolders.Shipped, file)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static TheoryData<string, string> SchemaLevelMistakes => new()
    {
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    promt: Hi?\n    prompt: Hi?\n    answer: { kind: text }\n" },
        { "journeys/x.yaml", "id: x\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: sideways }\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: [a?, b?, c?, d?]\n    answer: { kind: text }\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: choice }\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: scale, min: low }\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n    save: maybe\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\nclose:\n  offer: {}\n" },
        { "cards/x.yaml", ContentFolders.ValidCard.Replace("id: a-card", "id: x\ncolour: blue", StringComparison.Ordinal) },
        { "strings/x.yaml", "greeting: [hi]\n" },
        { "strings/x.yaml", "greeting: { text: hi }\n" },
        { "cards/x.yaml", ContentFolders.ValidCard.Replace("question: Does it fit?", "question: It fits.", StringComparison.Ordinal) },
        { "cards/x.yaml", ContentFolders.ValidCard.Replace("keywords: [fit]", string.Empty, StringComparison.Ordinal) },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nminutes: 10\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n" },
        { "journeys/x.yaml", "id: x\ntitle: T\nsummary: s\nminutes: 5\nlong: true\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n" },
        { "measures/x.yaml", ValidMeasure.Replace("preamble: How often?\n", string.Empty, StringComparison.Ordinal) },
        { "measures/x.yaml", ValidMeasure.Replace("{ id: one, text: First }", "{ id: one, txt: First }", StringComparison.Ordinal) },
        { "measures/x.yaml", ValidMeasure.Replace("{ value: 1, label: Often }", "{ value: -1, label: Often }", StringComparison.Ordinal) },
        { "safety/resources.yaml", Shipped("safety/resources.yaml").Replace("checked: 2026-11-27", "checked: last spring", StringComparison.Ordinal) },
        { "safety/resources.yaml", Shipped("safety/resources.yaml").Replace("emergency:", "emergncy:", StringComparison.Ordinal) },
        { "safety/lexicon.yaml", Shipped("safety/lexicon.yaml").Replace("  - id: abuse", "  - id: abuses", StringComparison.Ordinal) },
        { "safety/lexicon.yaml", Shipped("safety/lexicon.yaml").Replace("negations:", "negation:", StringComparison.Ordinal) },
    };

    private const string ValidMeasure = "id: x\ntitle: X\nterms: Free to use.\npreamble: How often?\noptions:\n  - { value: 0, label: Never }\n  - { value: 1, label: Often }\nitems:\n  - { id: one, text: First }\nbands: [ { min: 0, max: 1 } ]\n";

    [Fact]
    public void AValidMeasurePassesTheSchemaAndTheLoader()
    {
        Assert.Empty(Validate("measures/x.yaml", ValidMeasure));
        var errors = new List<ContentError>();
        ContentValidation.Check(ContentFolders.With(("measures/x.yaml", ValidMeasure)), errors);
        Assert.Empty(errors);
    }

    private static string Shipped(string file) => File.ReadAllText(Path.Combine(ContentFolders.Shipped, file));

    [Theory]
    [MemberData(nameof(SchemaLevelMistakes))]
    public void AMistakeTheSchemaDescribesIsRejectedByTheSchemaAndTheLoader(string file, string yaml)
    {
        Assert.NotEmpty(Validate(file, yaml));

        var errors = new List<ContentError>();
        ContentValidation.Check(ContentFolders.With((file, yaml)), errors);
        Assert.Contains(errors, e => e.File == file.Replace('/', Path.DirectorySeparatorChar));
    }

    private static List<ContentError> Validate(string file, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var errors = new List<ContentError>();
        ContentSchemas.Check(ContentFolders.Shipped, file, stream.Documents[0].RootNode, errors);
        return errors;
    }
}

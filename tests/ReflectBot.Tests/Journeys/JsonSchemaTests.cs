using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using ReflectBot.Journeys;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Tests.Journeys;

/// <summary>
/// The JSON Schemas in dialogs/schema (what an editor checks against) and the loader (what the bot
/// checks at start-up) agree: every shipped file passes both, and mistakes the schema can describe
/// are rejected by both.
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
    public async Task EveryShippedFileMatchesItsSchema(string file)
    {
        var schema = await SchemaFor(file);
        var errors = schema.Validate(ToJson(File.ReadAllText(Path.Combine(ContentFolders.Shipped, file))));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
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
        { "cards/x.yaml", ContentFolders.ValidCard.Replace("question: Does it fit?", "question: It fits.", StringComparison.Ordinal) },
        { "cards/x.yaml", ContentFolders.ValidCard.Replace("keywords: [fit]", string.Empty, StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(SchemaLevelMistakes))]
    public async Task AMistakeTheSchemaDescribesIsRejectedByTheSchemaAndTheLoader(string file, string yaml)
    {
        var schema = await SchemaFor(file);
        Assert.NotEmpty(schema.Validate(ToJson(yaml)));

        var errors = new List<ContentError>();
        ContentLibrary.LoadWithErrors(ContentFolders.With((file, yaml)), errors);
        Assert.Contains(errors, e => e.File == file.Replace('/', Path.DirectorySeparatorChar));
    }

    private static Task<JsonSchema> SchemaFor(string file)
    {
        var kind = file.StartsWith("cards", StringComparison.Ordinal) ? "card" : "journey";
        return JsonSchema.FromFileAsync(Path.Combine(ContentFolders.Shipped, "schema", $"{kind}.schema.json"));
    }

    /// <summary>YAML as the JSON an editor's schema check sees: plain scalars typed as YAML 1.2's core schema types them.</summary>
    private static JToken ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(p => new JProperty(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode list => new JArray(list.Children.Select(Convert)),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => new JValue(n),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => new JValue(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => JValue.CreateNull(),
        YamlScalarNode s => new JValue(s.Value),
        _ => JValue.CreateNull(),
    };
}

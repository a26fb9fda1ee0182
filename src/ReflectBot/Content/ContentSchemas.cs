using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// The JSON Schemas of <c>dialogs/schema</c>, the one statement of each content file's shape, applied to the
/// parsed YAML. Every schema error becomes a <see cref="ContentError"/> on the line of the YAML node its JSON
/// Pointer names. The schemas are the copy shipped beside the app (they describe what this build's code reads),
/// else those of the content folder.
/// </summary>
public static class ContentSchemas
{
    public const string Folder = "schema";

    private static readonly ConcurrentDictionary<string, (JsonSchema Schema, JsonNode Document)> Cache = new(StringComparer.Ordinal);

    /// <summary>The schema (file name without <c>.schema.json</c>) a content file (path under the content folder) is written against.</summary>
    public static string? NameFor(string file)
    {
        var path = file.Replace('\\', '/');
        return path switch
        {
            _ when path.StartsWith("journeys/", StringComparison.Ordinal) => "journey",
            _ when path.StartsWith("cards/", StringComparison.Ordinal) => "card",
            _ when path.StartsWith("measures/", StringComparison.Ordinal) => "measure",
            _ when path.StartsWith("strings/", StringComparison.Ordinal) => "strings",
            "safety/lexicon.yaml" => "safety-lexicon",
            "safety/resources.yaml" => "crisis-resources",
            "safety/replies.yaml" => "safety-replies",
            "safety/examples.yaml" => "safety-examples",
            KeywordCues.File => "keyword-cues",
            _ => null,
        };
    }

    /// <summary>Checks <paramref name="root"/> (the file <paramref name="display"/> of <paramref name="contentFolder"/>) against its schema; true when it matches.</summary>
    public static bool Check(string contentFolder, string display, YamlNode root, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(errors);
        var name = NameFor(display) ?? throw new ArgumentException($"No schema is known for {display}.", nameof(display));
        var path = SchemaPath(contentFolder, name);
        if (path is null)
        {
            errors.Add(new ContentError(Path.Combine(Folder, name + ".schema.json"), 1, $"the schema for {display} is missing."));
            return false;
        }

        var (schema, document) = Cache.GetOrAdd(path, Build);
        var json = YamlJson.ToJson(root);
        using var instance = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return true;
        }

        var before = errors.Count;
        foreach (var failure in SchemaFailures.Collect(results, document, json).Distinct())
        {
            errors.AddRange(SchemaFailures.Describe(failure, display, root, json, document));
        }

        if (errors.Count == before)
        {
            throw new InvalidOperationException($"{display} does not match its schema, but no error could be described: {string.Join("; ", SchemaFailures.Collect(results, document, json))}");
        }

        return false;
    }

    private static string? SchemaPath(string contentFolder, string name)
    {
        var file = name + ".schema.json";
        return new[] { Path.Combine(AppContext.BaseDirectory, "dialogs", Folder, file), Path.Combine(contentFolder, Folder, file) }.FirstOrDefault(File.Exists);
    }

    private static (JsonSchema, JsonNode) Build(string path)
    {
        var text = File.ReadAllText(path);

        // Each schema gets a registry of its own: the shipped and a test's copy share $ids.
        var schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return (schema, JsonNode.Parse(text) ?? throw new InvalidDataException($"{path} is empty."));
    }

    internal static string Show(JsonNode? value) => value switch
    {
        null => "nothing",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    internal static string Count(int n, string what) => n.ToString(CultureInfo.InvariantCulture) + " " + what + (n == 1 ? string.Empty : "s");
}

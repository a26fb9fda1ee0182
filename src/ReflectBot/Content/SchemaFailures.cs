using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// Turns a schema evaluation into what a writer needs: one error per mistake, in words, at a line. Where a
/// <c>oneOf</c>/<c>anyOf</c> fails, only the branch closest to what was written is reported (fewest errors, then
/// the deepest), so "text or a list of text" with a mapping in the list points at that item. A schema may word
/// an error itself with <c>errorMessage</c> (a text, or texts by keyword; <c>{value}</c> is the value written).
/// </summary>
internal static class SchemaFailures
{
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal) { "if", "not", "contains", "oneOf", "anyOf" };

    public readonly record struct Failure(string Pointer, string Keyword, string SchemaLocation, string Library);

    public static List<Failure> Collect(EvaluationResults results, JsonNode schemaDocument, JsonNode? instance)
    {
        var found = new List<Failure>();
        if (results.IsValid)
        {
            return found;
        }

        foreach (var (keyword, message) in results.Errors ?? [])
        {
            // JsonSchema.Net 8.0.5 words a "contains" error on a node whether or not it failed (seen on a list
            // whose first item matched); the items' own results below say whether it did.
            if (keyword is not ("oneOf" or "anyOf" or "contains"))
            {
                found.Add(new Failure(results.InstanceLocation.ToString(), keyword, Location(results), message));
            }
        }

        var parent = results.EvaluationPath.SegmentCount;
        var children = results.Details ?? [];
        foreach (var child in children)
        {
            var step = Segment(child.EvaluationPath, parent);
            if (!Silent.Contains(step))
            {
                found.AddRange(Collect(child, schemaDocument, instance));
            }
        }

        // A "contains" failed when every item of the list failed its schema.
        var missed = children.Where(c => Segment(c.EvaluationPath, parent) == "contains" && !c.IsValid).Select(c => c.InstanceLocation.ToString()).Distinct().Count();
        if (missed > 0 && Value(instance, YamlJson.Segments(results.InstanceLocation.ToString())) is JsonArray list && missed == list.Count)
        {
            found.Add(new Failure(results.InstanceLocation.ToString(), "contains", Location(results), "contains"));
        }

        foreach (var branches in children.Where(c => Segment(c.EvaluationPath, parent) is "oneOf" or "anyOf").GroupBy(c => Segment(c.EvaluationPath, parent)))
        {
            if (branches.Key == "anyOf" ? branches.Any(b => b.IsValid) : branches.Count(b => b.IsValid) == 1)
            {
                continue;
            }

            if (WordedHere(results, branches.Key, schemaDocument))
            {
                found.Add(new Failure(results.InstanceLocation.ToString(), branches.Key, Location(results), branches.Key));
                continue;
            }

            var best = branches.Select(b => Collect(b, schemaDocument, instance)).Where(f => f.Count > 0)
                .OrderBy(f => f.Count).ThenByDescending(f => f.Max(x => YamlJson.Segments(x.Pointer).Count)).FirstOrDefault();
            found.AddRange(best ?? [new Failure(results.InstanceLocation.ToString(), branches.Key, Location(results), $"matches no {branches.Key} branch")]);
        }

        return found;
    }

    private static bool WordedHere(EvaluationResults results, string keyword, JsonNode schemaDocument)
        => (Resolve(schemaDocument, Location(results)) as JsonObject)?["errorMessage"] is JsonObject byKeyword && byKeyword.ContainsKey(keyword);

    private static string Segment(Json.Pointer.JsonPointer path, int index)
        => path.SegmentCount > index ? YamlJson.Segments(path.ToString())[index] : string.Empty;

    private static string Location(EvaluationResults results) => results.EvaluationPath.ToString();

    public static IEnumerable<ContentError> Describe(Failure failure, string file, YamlNode root, JsonNode? json, JsonNode schemaDocument)
    {
        var pointer = YamlJson.Segments(failure.Pointer);
        var (node, key, _) = YamlJson.Find(root, pointer);
        var schema = Resolve(schemaDocument, failure.SchemaLocation);
        var keywordValue = (schema as JsonObject)?[failure.Keyword];
        var value = Value(json, pointer);
        var name = Name(pointer);
        var line = YamlJson.LineOf(key ?? node);

        if (failure.Keyword == "required")
        {
            var present = (value as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var missing in (keywordValue as JsonArray ?? []).Select(ContentSchemas.Show).Where(m => !present.Contains(m)))
            {
                yield return new ContentError(file, YamlJson.LineOf(node), Worded(schema, "required", value) ?? $"'{missing}' is missing.");
            }

            yield break;
        }

        // additionalProperties: false is evaluated as the schema "false" at the unknown key itself.
        if (failure.Keyword is "false" or "" || (failure.SchemaLocation.EndsWith("/additionalProperties", StringComparison.Ordinal) && keywordValue is null))
        {
            var owner = Resolve(schemaDocument, failure.SchemaLocation[..failure.SchemaLocation.LastIndexOf('/')]);
            var allowed = ((owner as JsonObject)?["properties"] as JsonObject)?.Select(p => p.Key) ?? [];
            yield return new ContentError(file, line, $"unknown key '{pointer[^1]}' (expected one of: {string.Join(", ", allowed)}).");
            yield break;
        }

        if (failure.SchemaLocation.Contains("/propertyNames", StringComparison.Ordinal))
        {
            var names = Resolve(schemaDocument, failure.SchemaLocation[..(failure.SchemaLocation.IndexOf("/propertyNames", StringComparison.Ordinal) + "/propertyNames".Length)]);
            yield return new ContentError(file, line, $"'{pointer[^1]}' {Worded(names, failure.Keyword, value) ?? "is not an allowed key."}");
            yield break;
        }

        yield return new ContentError(file, line, Worded(schema, failure.Keyword, value) ?? Say(failure, name, keywordValue, value, node));
    }

    private static string Say(Failure failure, string name, JsonNode? rule, JsonNode? value, YamlNode node)
    {
        var shown = ContentSchemas.Show(value);
        return failure.Keyword switch
        {
            "type" => $"{name} should be {Types(rule)}{(node is YamlMappingNode && Types(rule) == "text" ? "; a colon followed by a space makes YAML read a key, so put the text in quotes" : string.Empty)}.",
            "enum" => $"{name} is '{shown}'; expected one of: {string.Join(", ", (rule as JsonArray ?? []).Select(ContentSchemas.Show))}.",
            "const" => $"{name} should be {ContentSchemas.Show(rule)}, not '{shown}'.",
            "minLength" => $"{name} should not be empty.",
            "maxLength" => $"{name} is longer than {ContentSchemas.Show(rule)} characters.",
            "pattern" => $"{name} '{shown}' does not match the pattern {ContentSchemas.Show(rule)}.",
            "minimum" => $"{name} is {shown}; the least allowed is {ContentSchemas.Show(rule)}.",
            "maximum" => $"{name} is {shown}; the most allowed is {ContentSchemas.Show(rule)}.",
            "minItems" => $"{name} has {ContentSchemas.Count((value as JsonArray)?.Count ?? 0, "item")}; give at least {ContentSchemas.Show(rule)}.",
            "maxItems" => $"{name} has {ContentSchemas.Count((value as JsonArray)?.Count ?? 0, "item")}; give at most {ContentSchemas.Show(rule)}.",
            "minProperties" => $"{name} is empty.",
            "contains" => $"{name} has no item of the kind it needs.",
            "uniqueItems" => $"{name} lists the same thing twice.",
            "format" when ContentSchemas.Show(rule) == "uri" => $"{name} should be an absolute link.",
            "format" => $"{name} should be a {ContentSchemas.Show(rule)}, not '{shown}'.",
            _ => $"{name}: {failure.Library}.",
        };
    }

    private static string Types(JsonNode? rule)
        => string.Join(" or ", (rule is JsonArray many ? many.Select(ContentSchemas.Show) : [ContentSchemas.Show(rule)]).Select(t => t switch
        {
            "string" => "text",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "array" => "a list",
            "object" => "a mapping (key: value lines)",
            _ => t,
        }));

    /// <summary>The schema's own words for a failure of <paramref name="keyword"/>, if it has them.</summary>
    private static string? Worded(JsonNode? schema, string keyword, JsonNode? value)
    {
        var text = (schema as JsonObject)?["errorMessage"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonObject byKeyword => byKeyword[keyword]?.GetValue<string>(),
            _ => null,
        };
        return text?.Replace("{value}", ContentSchemas.Show(value), StringComparison.Ordinal);
    }

    // "'prompt'", "an item of 'prompt'", "the file".
    private static string Name(IReadOnlyList<string> pointer)
    {
        var named = pointer.LastOrDefault(s => !s.All(char.IsAsciiDigit));
        return named is null ? "the file" : pointer[^1].All(char.IsAsciiDigit) ? $"every item of '{named}'" : $"'{named}'";
    }

    private static JsonNode? Value(JsonNode? json, IReadOnlyList<string> pointer)
    {
        var node = json;
        foreach (var segment in pointer)
        {
            node = node switch
            {
                JsonObject map => map[segment],
                JsonArray list when int.TryParse(segment, out var i) && i < list.Count => list[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The schema an evaluation path ends at, following each <c>$ref</c> (this repository's schemas only refer within themselves).</summary>
    private static JsonNode? Resolve(JsonNode document, string evaluationPath)
    {
        JsonNode? node = document;
        foreach (var segment in YamlJson.Segments(evaluationPath))
        {
            node = segment == "$ref" && node?["$ref"] is JsonValue target
                ? Value(document, YamlJson.Segments(target.GetValue<string>()))
                : Value(node, [segment]);
        }

        return node;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// A YAML node as the JSON a schema checks (plain scalars typed as YAML 1.2's core schema types them, as an
/// editor's YAML language server does), and the way back: the YAML node, and so the line, a JSON Pointer names.
/// </summary>
internal static partial class YamlJson
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(KeyOf(p.Key), ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } => Plain(v ?? string.Empty),
        YamlScalarNode s => JsonValue.Create(s.Value ?? string.Empty),
        _ => null,
    };

    private static JsonValue? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value[0] is 't' or 'T');
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }

    // A key that is a list or a mapping has no JSON form; its text keeps it visible to the schema as unknown.
    private static string KeyOf(YamlNode key) => key is YamlScalarNode { Value: { } name } ? name : key.ToString();

    /// <summary>
    /// The node a pointer names, and the key it sits under (for "unknown key" and "should be" errors the key's line
    /// is the one a writer looks at). A pointer to something absent gives the nearest node that is there.
    /// </summary>
    public static (YamlNode Node, YamlNode? Key, bool Found) Find(YamlNode root, IReadOnlyList<string> pointer)
    {
        var node = root;
        YamlNode? key = null;
        foreach (var segment in pointer)
        {
            switch (node)
            {
                case YamlMappingNode map when map.Children.FirstOrDefault(p => KeyOf(p.Key) == segment) is { Key: not null } pair:
                    (node, key) = (pair.Value, pair.Key);
                    break;
                case YamlSequenceNode list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Children.Count:
                    (node, key) = (list.Children[i], null);
                    break;
                default:
                    return (node, key, false);
            }
        }

        return (node, key, true);
    }

    public static int LineOf(YamlNode? node) => node is null ? 1 : (int)Math.Max(1, node.Start.Line);

    /// <summary>The segments of a JSON Pointer ("/steps/0/prompt"), unescaped.</summary>
    public static IReadOnlyList<string> Segments(string pointer)
        => pointer.Length == 0 ? [] : [.. pointer.TrimStart('#').Split('/').Skip(1).Select(s => Uri.UnescapeDataString(s).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}

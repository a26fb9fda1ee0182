using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// Reads values out of a content file that has already matched its JSON Schema (<see cref="ContentSchemas"/>):
/// the shape is known, so nothing here checks it again.
/// </summary>
internal static class YamlValues
{
    /// <summary>Parses a file (one folder down in the content folder) and checks it against its schema; the root mapping, or null with every problem in <paramref name="errors"/>.</summary>
    public static YamlMappingNode? Read(string path, string display, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var contentFolder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path)))!;
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new ContentError(display, (int)Math.Max(1, ex.Start.Line), $"YAML syntax error: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        YamlNode root = yaml.Documents.Count == 0 ? new YamlScalarNode(string.Empty) : yaml.Documents[0].RootNode;
        return ContentSchemas.Check(contentFolder, display, root, errors) ? root as YamlMappingNode : null;
    }

    public static YamlNode? Child(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static int Line(YamlMappingNode map, string key) => YamlJson.LineOf(Child(map, key) ?? map);

    public static string? Text(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    public static int? Number(YamlMappingNode map, string key)
        => Text(map, key) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static bool? Flag(YamlMappingNode map, string key) => Text(map, key) is { } text ? bool.Parse(text) : null;

    /// <summary>A list of text; a single text is a list of one.</summary>
    public static List<string> Texts(YamlMappingNode map, string key) => Child(map, key) switch
    {
        YamlScalarNode { Value: { } one } => [one],
        YamlSequenceNode list => [.. list.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)],
        _ => [],
    };

    public static YamlMappingNode? Map(YamlMappingNode map, string key) => Child(map, key) as YamlMappingNode;

    public static IEnumerable<YamlMappingNode> Maps(YamlMappingNode map, string key)
        => (Child(map, key) as YamlSequenceNode)?.OfType<YamlMappingNode>() ?? [];
}

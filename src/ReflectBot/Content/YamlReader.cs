using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// Small helpers over YamlDotNet's node model that report problems as <see cref="ContentError"/>s with
/// the file and line, rather than throwing at the first one: a writer sees every mistake at once.
/// </summary>
internal sealed class YamlReader(string file, List<ContentError> errors)
{
    public string File { get; } = file;

    public void Error(YamlNode? node, string message)
        => errors.Add(new ContentError(File, LineOf(node), message));

    public void ErrorAt(int line, string message)
        => errors.Add(new ContentError(File, line, message));

    /// <summary>Parses a file and returns its top-level mapping, or notes why it cannot.</summary>
    public static YamlMappingNode? ReadRoot(string path, string displayName, List<ContentError> errors, string notAMapping)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add(new ContentError(displayName, (int)Math.Max(1, ex.Start.Line), $"YAML syntax error: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ContentError(displayName, 1, notAMapping));
            return null;
        }

        return root;
    }

    public static int LineOf(YamlNode? node) => node is null ? 1 : (int)Math.Max(1, node.Start.Line);

    public static YamlNode? Child(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? String(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"'{key}' is missing.");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && (value.Length > 0 || !required))
        {
            return value;
        }

        Error(node, $"'{key}' should be text.");
        return null;
    }

    public int? Int(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"'{key}' is missing.");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(node, $"'{key}' should be a whole number.");
        return null;
    }

    public bool? Bool(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && bool.TryParse(value, out var flag))
        {
            return flag;
        }

        Error(node, $"'{key}' should be true or false.");
        return null;
    }

    /// <summary>A list of strings; a single string is read as a list of one.</summary>
    public List<string> Strings(YamlMappingNode map, string key)
    {
        switch (Child(map, key))
        {
            case null:
                return [];
            case YamlScalarNode { Value: { } single }:
                return [single];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { } text })
                    {
                        list.Add(text);
                    }
                    else if (item is YamlMappingNode)
                    {
                        // The usual cause: "What made it unsafe: words..." reads as a key and a value.
                        Error(item, $"every item of '{key}' should be text; a colon followed by a space makes YAML read a key, so put the text in quotes.");
                    }
                    else
                    {
                        Error(item, $"every item of '{key}' should be text.");
                    }
                }

                return list;
            case var other:
                Error(other, $"'{key}' should be text or a list of text.");
                return [];
        }
    }

    public YamlMappingNode? Map(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        switch (node)
        {
            case null when required:
                Error(map, $"'{key}' is missing.");
                return null;
            case null:
                return null;
            case YamlMappingNode child:
                return child;
            default:
                Error(node, $"'{key}' should be a mapping (key: value lines).");
                return null;
        }
    }

    public IEnumerable<YamlMappingNode> Maps(YamlMappingNode map, string key, bool required = false)
    {
        var node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"'{key}' is missing.");
            }

            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' should be a list.");
            yield break;
        }

        foreach (var item in sequence)
        {
            if (item is YamlMappingNode child)
            {
                yield return child;
            }
            else
            {
                Error(item, $"every item of '{key}' should be a mapping (key: value lines).");
            }
        }
    }

    /// <summary>Reports keys the format does not have: a typo ("promt") should not pass silently.</summary>
    public void OnlyKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)}).");
            }
        }
    }
}

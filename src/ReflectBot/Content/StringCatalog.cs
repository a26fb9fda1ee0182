using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// The bot's own sentences, from <c>dialogs/strings/*.yaml</c> (schema <c>strings</c>): one file per feature, each a
/// mapping of key to sentence, looked up as <c>"{file}.{key}"</c>. A <c>{name}</c> in a sentence is filled in by the
/// code that says it. Loading checks, with file and line, that every key the code declares (<see cref="StringKey"/>
/// fields) is there with exactly the placeholders the code fills in, and that every key in the files is declared,
/// so no sentence is missing at run time and none lies unused.
/// </summary>
public sealed partial class StringCatalog
{
    public const string Folder = "strings";

    private readonly Dictionary<string, string> _text;

    public StringCatalog(IReadOnlyDictionary<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = new Dictionary<string, string>(text, StringComparer.Ordinal);
    }

    /// <summary>Every key and its sentence.</summary>
    public IReadOnlyDictionary<string, string> All => _text;

    /// <summary>The sentence of a key without placeholders.</summary>
    public string this[StringKey key] => Text(key);

    /// <summary>The sentence with its placeholders filled in, by name.</summary>
    public string Text(StringKey key, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        if (!_text.TryGetValue(key.Key, out var text))
        {
            // Start-up refuses content without a declared key, so only a catalog built by hand gets here.
            throw new KeyNotFoundException($"No sentence '{key.Key}' in {Folder}/.");
        }

        return values.Length == 0 ? text : Placeholder().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            foreach (var (n, value) in values)
            {
                if (n == name)
                {
                    return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }
            }

            return m.Value;
        });
    }

    /// <summary>Every <see cref="StringKey"/> the code declares (static fields of this assembly's types).</summary>
    public static IReadOnlyList<StringKey> Declared()
        => [.. typeof(StringKey).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(StringKey))
            .Select(f => (StringKey)f.GetValue(null)!)
            .DistinctBy(k => k.Key)
            .OrderBy(k => k.Key, StringComparer.Ordinal)];

    /// <summary>Loads <c>strings/*.yaml</c> of a content folder, checked against <paramref name="declared"/>; problems go to <paramref name="errors"/>.</summary>
    public static StringCatalog LoadWithErrors(string folder, IReadOnlyList<StringKey> declared, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(errors);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        var where = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        var stringsFolder = Path.Combine(folder, Folder);
        var files = Directory.Exists(stringsFolder) ? Directory.EnumerateFiles(stringsFolder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];

        // A file that does not match the schema is reported there; its keys are not also reported missing.
        var unread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (YamlValues.Read(file, Path.GetRelativePath(folder, file), errors) is not { } root)
            {
                unread.Add(name);
                continue;
            }

            foreach (var (key, sentence) in root.Children)
            {
                var id = $"{name}.{((YamlScalarNode)key).Value}";
                text[id] = ((YamlScalarNode)sentence).Value!;
                where[id] = (Path.GetRelativePath(folder, file), YamlJson.LineOf(key));
            }
        }

        foreach (var key in declared)
        {
            var display = Path.Combine(Folder, key.File + ".yaml");
            if (!text.TryGetValue(key.Key, out var sentence))
            {
                if (unread.Contains(key.File))
                {
                    continue;
                }


                errors.Add(new ContentError(display, 1, $"'{key.Key[(key.File.Length + 1)..]}' is missing: the code says it ({key.Key})."));
                continue;
            }

            var used = Placeholder().Matches(sentence).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
            var (file, line) = where[key.Key];
            foreach (var unknown in used.Except(key.Placeholders, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                errors.Add(new ContentError(file, line, $"'{key.Key}' uses {{{unknown}}}, which the code does not fill in (it fills in: {Names(key.Placeholders)})."));
            }

            foreach (var missing in key.Placeholders.Except(used, StringComparer.Ordinal))
            {
                errors.Add(new ContentError(file, line, $"'{key.Key}' leaves out {{{missing}}}, which the code fills in for it."));
            }
        }

        var declaredKeys = declared.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var unused in text.Keys.Where(k => !declaredKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            var (file, line) = where[unused];
            errors.Add(new ContentError(file, line, $"'{unused}' is not said anywhere: no code declares this key."));
        }

        return new StringCatalog(text);
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "nothing" : string.Join(", ", names.Select(n => $"{{{n}}}"));

    [GeneratedRegex(@"\{(?<name>[a-zA-Z][a-zA-Z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

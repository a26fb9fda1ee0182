using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ReflectBot.Content;

/// <summary>
/// The bot's own sentences, from <c>dialogs/strings/*.yaml</c> (schema <c>strings</c>): one file per feature, each a
/// mapping of key to sentence, looked up as <c>"{file}.{key}"</c>. A <c>{name}</c> in a sentence is filled in by the
/// code that says it. Loading checks, with file and line, that every key the code declares (<see cref="StringKey"/>
/// fields) is there with exactly the placeholders the code fills in, and that every key in the files is declared,
/// so no sentence is missing at run time and none lies unused. A key may hold a few wordings instead of one (a list,
/// as a journey's prompts do); each has the same placeholders, and the one said changes from day to day.
/// </summary>
public sealed partial class StringCatalog
{
    public const string Folder = "strings";

    private readonly Dictionary<string, IReadOnlyList<string>> _text;
    private readonly TimeProvider _time;

    public StringCatalog(IReadOnlyDictionary<string, string> text)
        : this(text?.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)[t.Value], StringComparer.Ordinal) ?? throw new ArgumentNullException(nameof(text)), TimeProvider.System)
    {
    }

    public StringCatalog(IReadOnlyDictionary<string, IReadOnlyList<string>> wordings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(wordings);
        ArgumentNullException.ThrowIfNull(time);
        _text = new Dictionary<string, IReadOnlyList<string>>(wordings, StringComparer.Ordinal);
        _time = time;
    }

    /// <summary>Every key and its wordings (most keys have one).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> All => _text;

    /// <summary>The same sentences, with the wording of a varied key chosen by <paramref name="time"/>'s day.</summary>
    public StringCatalog WithClock(TimeProvider time) => new(_text, time);

    /// <summary>The sentence of a key without placeholders.</summary>
    public string this[StringKey key] => Text(key);

    /// <summary>The sentence with its placeholders filled in, by name.</summary>
    public string Text(StringKey key, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        if (!_text.TryGetValue(key.Key, out var wordings))
        {
            // Start-up refuses content without a declared key, so only a catalog built by hand gets here.
            throw new KeyNotFoundException($"No sentence '{key.Key}' in {Folder}/.");
        }

        var text = wordings.Count == 1 ? wordings[0] : wordings[WordingOf(key.Key, wordings.Count)];

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

    /// <summary>
    /// Which wording a varied key uses today: the day number moves every key on by one each day, and the key's own
    /// offset keeps keys from all turning over together. No randomness, so a test with a fixed clock is repeatable.
    /// </summary>
    private int WordingOf(string key, int count)
    {
        var day = (int)(_time.GetUtcNow().UtcTicks / TimeSpan.TicksPerDay);
        var offset = 0;
        foreach (var c in key)
        {
            offset = (offset * 31 + c) % 9973;
        }

        return (day + offset) % count;
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
        var text = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var where = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        var lines = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
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
                // The schema allows a sentence or a list of wordings.
                text[id] = sentence is YamlSequenceNode list
                    ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)]
                    : [((YamlScalarNode)sentence).Value!];
                where[id] = (Path.GetRelativePath(folder, file), YamlJson.LineOf(key));
                lines[id] = sentence is YamlSequenceNode wordingNodes ? [.. wordingNodes.Children.Select(YamlJson.LineOf)] : [YamlJson.LineOf(key)];
            }
        }

        foreach (var key in declared)
        {
            var display = Path.Combine(Folder, key.File + ".yaml");
            if (!text.TryGetValue(key.Key, out var wordings))
            {
                if (unread.Contains(key.File))
                {
                    continue;
                }


                errors.Add(new ContentError(display, 1, $"'{key.Key[(key.File.Length + 1)..]}' is missing: the code says it ({key.Key})."));
                continue;
            }

            var file = where[key.Key].File;
            for (var i = 0; i < wordings.Count; i++)
            {
                var line = lines[key.Key][i];
                // Each wording of a varied key stands alone, so each must say everything the code fills in.
                var which = wordings.Count == 1 ? $"'{key.Key}'" : $"'{key.Key}' (wording {i + 1})";
                var used = Placeholder().Matches(wordings[i]).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
                foreach (var unknown in used.Except(key.Placeholders, StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    errors.Add(new ContentError(file, line, $"{which} uses {{{unknown}}}, which the code does not fill in (it fills in: {Names(key.Placeholders)})."));
                }

                foreach (var missing in key.Placeholders.Except(used, StringComparer.Ordinal))
                {
                    errors.Add(new ContentError(file, line, $"{which} leaves out {{{missing}}}, which the code fills in for it."));
                }
            }
        }

        var declaredKeys = declared.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var unused in text.Keys.Where(k => !declaredKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            var (file, line) = where[unused];
            errors.Add(new ContentError(file, line, $"'{unused}' is not said anywhere: no code declares this key."));
        }

        return new StringCatalog(text, TimeProvider.System);
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "nothing" : string.Join(", ", names.Select(n => $"{{{n}}}"));

    [GeneratedRegex(@"\{(?<name>[a-zA-Z][a-zA-Z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

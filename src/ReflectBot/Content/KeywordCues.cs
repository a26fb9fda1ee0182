using static ReflectBot.Content.YamlValues;

namespace ReflectBot.Content;

/// <summary>
/// The shared words the card matcher reads context with (<c>keywords/cues.yaml</c>): what negates a keyword, what
/// turns a negator back into an affirmation ("can't stop"), how far back a negator reaches, and the cue groups
/// card keywords name in <c>needs</c> and <c>unless</c>. Every entry is kept as normalised words.
/// </summary>
public sealed class KeywordCues
{
    public const string File = "keywords/cues.yaml";

    public KeywordCues(int negationWindow, IEnumerable<string> negators, IEnumerable<string> affirming, IReadOnlyDictionary<string, IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        NegationWindow = negationWindow;
        Negators = [.. negators.Select(Words).Where(w => w.Length > 0)];
        Affirming = [.. affirming.Select(Words).Where(w => w.Length > 0)];
        Groups = groups.ToDictionary(g => g.Key, g => (IReadOnlyList<string[]>)[.. g.Value.Select(Words).Where(w => w.Length > 0)], StringComparer.Ordinal);
    }

    /// <summary>No negation and no groups: what a content folder without a cues file gets.</summary>
    public static KeywordCues None { get; } = new(0, [], [], new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>A negator ending fewer than this many words before a keyword cancels it.</summary>
    public int NegationWindow { get; }

    public IReadOnlyList<string[]> Negators { get; }

    public IReadOnlyList<string[]> Affirming { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string[]>> Groups { get; }

    /// <summary>The file in <paramref name="folder"/>, or <see cref="None"/> when there is none.</summary>
    public static KeywordCues Load(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, "keywords", "cues.yaml");
        if (!System.IO.File.Exists(path) || Read(path, File, errors) is not { } root)
        {
            return None;
        }

        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Map(root, "groups") is { } map)
        {
            foreach (var (key, _) in map.Children)
            {
                var name = key.ToString();
                groups[name] = Texts(map, name);
            }
        }

        return new KeywordCues(Number(root, "negationWindow") ?? 3, Texts(root, "negators"), Texts(root, "affirming"), groups);
    }

    /// <summary>A phrase as the matcher compares it: normalised words.</summary>
    public static string[] Words(string? text) => CardCatalog.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

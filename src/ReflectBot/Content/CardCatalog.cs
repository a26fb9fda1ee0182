using System.Text;

namespace ReflectBot.Content;

/// <summary>
/// Every card, with the two ways of finding one: by what someone wrote (each card's keywords and
/// phrases, matched as whole words) and by asking ("tell me about engulfment", "tell me about fears").
/// </summary>
public sealed class CardCatalog
{
    private readonly List<CardDefinition> _cards;
    private readonly Dictionary<string, CardDefinition> _byId;

    public CardCatalog(IEnumerable<CardDefinition> cards)
    {
        _cards = [.. cards];
        _byId = _cards.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<CardDefinition> All => _cards;

    public CardDefinition? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id);

    /// <summary>The topics to browse: every tag, most used first.</summary>
    public IReadOnlyList<string> Topics
        => [.. _cards.SelectMany(c => c.Tags).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];

    public IReadOnlyList<CardDefinition> WithTag(string tag)
        => [.. _cards.Where(c => c.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>
    /// The card whose keywords best fit what someone wrote, leaving out <paramref name="exclude"/>;
    /// a longer phrase counts for more than a single word, as it says more.
    /// </summary>
    public CardDefinition? MatchKeywords(string? text, IEnumerable<string>? exclude = null)
    {
        var padded = Pad(text);
        if (padded.Length <= 2)
        {
            return null;
        }

        var skip = new HashSet<string>(exclude ?? [], StringComparer.Ordinal);
        CardDefinition? best = null;
        var bestScore = 0;
        foreach (var card in _cards.Where(c => !skip.Contains(c.Id)))
        {
            var score = card.Keywords.Select(Pad).Where(k => k.Length > 2 && padded.Contains(k, StringComparison.Ordinal))
                .Sum(k => k.Count(ch => ch == ' ') - 1);
            if (score > bestScore)
            {
                (best, bestScore) = (card, score);
            }
        }

        return best;
    }

    /// <summary>What "tell me about <paramref name="topic"/>" shows: the cards of a tag, or the one card that fits best.</summary>
    public IReadOnlyList<CardDefinition> Lookup(string topic)
    {
        var wanted = Normalize(topic);
        if (wanted.Length == 0)
        {
            return [];
        }

        var tag = Topics.FirstOrDefault(t => Normalize(t) == wanted || Normalize(t) + "s" == wanted || Normalize(t) == wanted + "s");
        if (tag is not null)
        {
            return WithTag(tag);
        }

        var exact = _cards.FirstOrDefault(c => Normalize(c.Title) == wanted || Normalize(c.Id) == wanted || c.Keywords.Any(k => Normalize(k) == wanted));
        if (exact is not null)
        {
            return [exact];
        }

        return MatchKeywords(topic) is { } byKeyword ? [byKeyword] : [];
    }

    /// <summary>Lower case, words separated by single spaces, punctuation gone.</summary>
    public static string Normalize(string? text)
    {
        var builder = new StringBuilder();
        foreach (var ch in (text ?? string.Empty).ToLowerInvariant().Replace('’', '\''))
        {
            builder.Append(char.IsLetterOrDigit(ch) || ch == '\'' ? ch : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // Spaces at both ends make " phrase " match whole words only ("control" not in "controller").
    private static string Pad(string? text) => " " + Normalize(text) + " ";
}

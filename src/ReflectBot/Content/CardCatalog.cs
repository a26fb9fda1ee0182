using System.Text;
using System.Text.RegularExpressions;

namespace ReflectBot.Content;

/// <summary>
/// Every card, with the two ways of finding one: by what someone wrote (each card's keywords and
/// phrases, matched as whole words in their context) and by asking ("tell me about engulfment", "tell me about fears").
/// </summary>
public sealed partial class CardCatalog
{
    private readonly List<CardDefinition> _cards;
    private readonly Dictionary<string, CardDefinition> _byId;
    private readonly KeywordCues _cues;

    // Every card's keywords and exclude phrases as normalised words, made once: the matcher reads every free-text
    // answer of a journey, and normalising every phrase of every card again on each one was 5 % of a turn's CPU.
    private readonly List<CardWords> _words;

    public CardCatalog(IEnumerable<CardDefinition> cards, KeywordCues? cues = null)
    {
        _cards = [.. cards];
        _cues = cues ?? KeywordCues.None;
        _byId = _cards.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _words = [.. _cards.Select(c => new CardWords(
            c,
            [.. c.Exclude.Select(KeywordCues.Words).Where(e => e.Length > 0)],
            [.. RulesOf(c).Select(k => (KeywordCues.Words(k.Phrase), k)).Where(r => r.Item1.Length > 0)]))];
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
    /// The card whose keywords best fit what someone wrote, leaving out <paramref name="exclude"/>. Each keyword
    /// is read within one sentence, in its context: a negator just before it cancels it ("I don't feel
    /// alone"), as do the card's exclude phrases over it and a missing or cancelling cue group
    /// (<see cref="KeywordCues"/>). A surviving keyword scores its number of words, once per message, as a longer
    /// phrase says more; the highest score wins, a tie goes to the card first in file order, and 0 shows none.
    /// </summary>
    public CardDefinition? MatchKeywords(string? text, IEnumerable<string>? exclude = null)
    {
        var sentences = Sentences(text);
        if (sentences.Count == 0)
        {
            return null;
        }

        var skip = new HashSet<string>(exclude ?? [], StringComparer.Ordinal);
        CardDefinition? best = null;
        var bestScore = 0;
        foreach (var (card, excluded, rules) in _words)
        {
            if (skip.Contains(card.Id))
            {
                continue;
            }

            var score = 0;
            foreach (var (words, keyword) in rules)
            {
                if (sentences.Any(s => Hits(s, words, keyword, excluded)))
                {
                    score += words.Length;
                }
            }

            if (score > bestScore)
            {
                (best, bestScore) = (card, score);
            }
        }

        return best;
    }

    /// <summary>The matcher's reading of a text: its sentences, each as normalised words.</summary>
    public static IReadOnlyList<string[]> Sentences(string? text)
        => [.. SentenceBreak().Split(text ?? string.Empty).Select(KeywordCues.Words).Where(w => w.Length > 0)];

    private static IEnumerable<CardKeyword> RulesOf(CardDefinition card)
        => card.KeywordRules.Count > 0 ? card.KeywordRules : card.Keywords.Select(k => CardKeyword.Plain(k));

    private bool Hits(string[] sentence, string[] words, CardKeyword keyword, List<string[]> excluded)
    {
        foreach (var start in Find(sentence, words))
        {
            var end = start + words.Length;
            if (excluded.Any(e => Find(sentence, e).Any(at => at < end && start < at + e.Length))
                || Negated(sentence, start, words)
                || !keyword.Needs.All(g => Has(sentence, g))
                || keyword.Unless.Any(g => Has(sentence, g)))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    // A negator ending fewer than the window's words before the keyword cancels it, unless the keyword holds the
    // negation itself ("can't trust": the negation is what it means) or an affirming word follows the negator
    // ("can't stop scrolling" is about scrolling).
    private bool Negated(string[] sentence, int start, string[] keyword)
    {
        if (_cues.Negators.Any(n => Find(keyword, n).Any()))
        {
            return false;
        }

        foreach (var negator in _cues.Negators)
        {
            foreach (var at in Find(sentence[..start], negator))
            {
                var end = at + negator.Length;
                if (start - end >= _cues.NegationWindow)
                {
                    continue;
                }

                if (_cues.Affirming.Any(a => StartsAt(sentence, end, a)))
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    private bool Has(string[] sentence, string group)
        => _cues.Groups.TryGetValue(group, out var entries) && entries.Any(e => Find(sentence, e).Any());

    private static IEnumerable<int> Find(string[] haystack, string[] needle)
    {
        for (var i = 0; needle.Length > 0 && i + needle.Length <= haystack.Length; i++)
        {
            if (StartsAt(haystack, i, needle))
            {
                yield return i;
            }
        }
    }

    private static bool StartsAt(string[] haystack, int at, string[] needle)
    {
        if (at + needle.Length > haystack.Length)
        {
            return false;
        }

        for (var j = 0; j < needle.Length; j++)
        {
            if (!string.Equals(haystack[at + j], needle[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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

        // "secure attachment": the card whose title says it ("What secure attachment looks like").
        var titled = _cards.Where(c => $" {Normalize(c.Title)} ".Contains($" {wanted} ", StringComparison.Ordinal)).ToList();
        if (titled.Count > 0)
        {
            return titled;
        }

        // "anxious attachment": a topic named in the words keeps the answer within that topic. Read by keywords
        // across every card, "anxious" alone brought the grounding card; within "attachment" the best fit of its
        // cards, or all of them to pick from.
        var named = Topics.Where(t => $" {wanted} ".Contains($" {Normalize(t)} ", StringComparison.Ordinal) || $" {wanted} ".Contains($" {Normalize(t)}s ", StringComparison.Ordinal)).ToList();
        if (named.Count > 0)
        {
            var within = named.SelectMany(t => WithTag(t)).Distinct().ToList();
            var ids = within.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            return MatchKeywords(topic, _cards.Where(c => !ids.Contains(c.Id)).Select(c => c.Id)) is { } fitting ? [fitting] : within;
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

    [GeneratedRegex(@"[.!?;\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    private sealed record CardWords(CardDefinition Card, List<string[]> Excluded, List<(string[] Words, CardKeyword Keyword)> Rules);
}

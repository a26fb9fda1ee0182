
namespace ReflectBot.Content;

/// <summary>
/// The whole content folder, loaded and checked as one: journeys (<c>journeys/*.yaml</c>), cards
/// (<c>cards/*.yaml</c>) and the bot's sentences (<c>strings/*.yaml</c>), then every card or journey id one file names in another. Used at start-up and
/// by <c>validate</c>, so both report the same problems.
/// </summary>
public sealed class ContentLibrary
{
    public ContentLibrary(JourneyCatalog journeys, CardCatalog cards, StringCatalog strings)
    {
        Journeys = journeys;
        Cards = cards;
        Strings = strings;
    }

    public JourneyCatalog Journeys { get; }

    public CardCatalog Cards { get; }

    /// <summary>The bot's own sentences (<c>strings/*.yaml</c>), every key the code declares among them.</summary>
    public StringCatalog Strings { get; }

    /// <summary>Loads the folder, or throws <see cref="ContentException"/> listing every problem.</summary>
    public static ContentLibrary Load(string folder)
    {
        var errors = new List<ContentError>();
        var library = LoadWithErrors(folder, errors);
        return errors.Count > 0 ? throw new ContentException(errors) : library;
    }

    public static ContentLibrary LoadWithErrors(string folder, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var journeys = JourneyCatalog.LoadWithErrors(folder, errors);
        var cards = LoadCards(folder, errors);

        var journeyIds = journeys.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var cardIds = cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in journeys.SelectMany(j => j.References))
        {
            var known = reference.Kind == ContentKind.Card ? cardIds : journeyIds;
            if (!known.Contains(reference.Id))
            {
                var kind = reference.Kind == ContentKind.Card ? "card" : "journey";
                errors.Add(new ContentError(reference.File, reference.Line, $"{reference.Where} names unknown {kind} '{reference.Id}'."));
            }
        }

        foreach (var card in cards.Where(c => c.Journey.Length > 0 && !journeyIds.Contains(c.Journey)))
        {
            errors.Add(new ContentError(card.SourceFile, card.JourneyLine, $"card '{card.Id}' names unknown journey '{card.Journey}'."));
        }

        var cues = KeywordCues.Load(folder, errors);
        CheckKeywords(cards, cues, errors);

        var strings = StringCatalog.LoadWithErrors(folder, StringCatalog.Declared(), errors);
        return new ContentLibrary(new JourneyCatalog(journeys), new CardCatalog(cards, cues), strings);
    }

    // A cue group must exist to mean anything, and an exclude phrase that overlaps none of the card's keywords
    // cancels nothing: both are mistakes a writer would want named.
    private static void CheckKeywords(List<CardDefinition> cards, KeywordCues cues, List<ContentError> errors)
    {
        foreach (var card in cards)
        {
            foreach (var keyword in card.KeywordRules)
            {
                foreach (var group in keyword.Needs.Concat(keyword.Unless).Where(g => !cues.Groups.ContainsKey(g)).Distinct(StringComparer.Ordinal))
                {
                    errors.Add(new ContentError(card.SourceFile, keyword.Line, $"keyword '{keyword.Phrase}' names unknown cue group '{group}' ({KeywordCues.File})."));
                }
            }

            foreach (var phrase in card.Exclude)
            {
                var words = KeywordCues.Words(phrase);
                if (!card.KeywordRules.Any(k => Overlaps(words, KeywordCues.Words(k.Phrase))))
                {
                    errors.Add(new ContentError(card.SourceFile, 1, $"exclude '{phrase}' overlaps none of card '{card.Id}''s keywords, so it cancels nothing."));
                }
            }
        }
    }

    // Whether a keyword's words can stand inside the phrase, or the phrase's last words begin the keyword
    // (or the other way round): the only ways an exclude phrase can cover part of a hit.
    private static bool Overlaps(string[] phrase, string[] keyword)
    {
        for (var shift = -keyword.Length + 1; shift < phrase.Length; shift++)
        {
            var shared = 0;
            var agree = true;
            for (var j = 0; j < keyword.Length && agree; j++)
            {
                var at = shift + j;
                if (at < 0 || at >= phrase.Length)
                {
                    continue;
                }

                agree = string.Equals(phrase[at], keyword[j], StringComparison.Ordinal);
                shared++;
            }

            if (agree && shared > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static List<CardDefinition> LoadCards(string folder, List<ContentError> errors)
    {
        var cards = new List<CardDefinition>();
        var cardsFolder = Path.Combine(folder, "cards");
        if (!Directory.Exists(cardsFolder))
        {
            return cards;
        }

        foreach (var file in Directory.EnumerateFiles(cardsFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (CardLoader.Load(file, Path.GetRelativePath(folder, file), errors) is { } card)
            {
                cards.Add(card);
            }
        }

        foreach (var group in cards.Where(c => c.Id.Length > 0).GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ContentError(group.Last().SourceFile, 1, $"card id '{group.Key}' is also used by {group.First().SourceFile}."));
        }

        return cards;
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Content;

/// <summary>
/// The lexicon passes over a pattern where the text it needs is absent (<see cref="PatternSet"/>). That is only
/// allowed because it changes nothing: held here on the shipped lexicon and the development messages.
/// </summary>
public sealed class PatternSetTests
{
    private static readonly SafetyContent Safety = new(Options.Create(new ContentOptions { Path = ContentFolders.Shipped }));

    /// <summary>Every fourth development message and every example, as the screen reads them.</summary>
    private static List<string> Messages()
    {
        var errors = new List<ContentError>();
        var sets = SafetyEvaluation.LoadSets(ContentFolders.Shipped, errors);
        Assert.Empty(errors);
        return [.. sets.Dev.Where((_, i) => i % 4 == 0).Select(m => m.Text)];
    }

    [Fact]
    public void EveryListOfTheShippedLexiconPassesOverPatternsAndMostPatternsHaveARequiredText()
    {
        var lists = Safety.Lexicon.Classes.SelectMany(c => new[] { c.Patterns, c.Topics }).ToList();

        Assert.All(lists, l => Assert.IsType<PatternSet>(l));
        var sets = lists.Cast<PatternSet>().ToList();
        Assert.True(sets.Sum(s => s.WithRequiredText) >= 0.9 * sets.Sum(s => s.Count), $"{sets.Sum(s => s.WithRequiredText)} of {sets.Sum(s => s.Count)}");
        Assert.IsType<PatternSet>(Safety.Lexicon.PastMarkers);
        Assert.IsType<PatternSet>(Safety.Lexicon.Idioms);
    }

    [Fact]
    public void NoPatternMatchesASentenceItWouldHaveBeenPassedOverOn()
    {
        var lexicon = Safety.Lexicon;
        var lists = lexicon.Classes.SelectMany(c => new[] { c.Patterns, c.Topics })
            .Concat([lexicon.Idioms, lexicon.PastMarkers, lexicon.ResolvedMarkers, lexicon.RecurrenceMarkers, lexicon.VoiceMarkers, lexicon.Affirmations])
            .OfType<PatternSet>().ToList();
        var sentences = Messages().SelectMany(m => RiskScreen.Windows(SafetyText.Normalize(m, lexicon.Spellings))).Where((_, i) => i % 2 == 0).ToList();

        var matched = 0;
        foreach (var set in lists)
        {
            for (var i = 0; i < set.Count; i++)
            {
                foreach (var sentence in sentences.Where(s => set[i].IsMatch(s)))
                {
                    matched++;
                    Assert.True(set.MayMatch(i, sentence), $"pattern {set[i]} matches a sentence without its required text");
                }
            }
        }

        // The check means something only if the patterns do match here.
        Assert.True(matched > 1000, $"{matched} matches");
    }

    [Fact]
    public void TheScreenReadsEveryMessageAsItDidCallingEveryPattern()
    {
        var shipped = Safety.Screen;
        var whole = new RiskScreen(Safety.Lexicon.CallingEveryPattern());
        var messages = Messages();

        var differ = messages.Where(m => Describe(shipped.Read(m)) != Describe(whole.Read(m))).ToList();

        Assert.Empty(differ);
        Assert.Contains(messages, m => shipped.Read(m).Live != RiskClass.None);
    }

    [Fact]
    public void APatternWhoseRequiredTextIsAbsentIsPassedOverAndAPlainListIsReadWhole()
    {
        var options = SafetyLexicon.Options;
        var set = new PatternSet([new Regex(@"\b(took|swallowed) (the|a) whole (bottle|packet)\b", options), new Regex(@"\b(me|i)\b", options)]);

        Assert.False(set.MayMatch(0, "i took a bottle to the party"));
        Assert.True(set.MayMatch(0, "i took the whole bottle"));
        Assert.True(set.MayMatch(1, "anything at all"));
        Assert.Equal(1, set.WithRequiredText);
        Assert.Equal([set[1]], PatternSet.Candidates(set, "i took a bottle to the party"));
        IReadOnlyList<Regex> plain = [set[0], set[1]];
        Assert.Equal(plain, PatternSet.Candidates(plain, "nothing here"));
    }

    private static string Describe(LexiconReading reading)
        => $"{reading.Live} {reading.Past} {reading.TimedOut} {string.Join(',', reading.Features())}";
}

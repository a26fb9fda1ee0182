using System.Globalization;
using System.Text;
using ReflectBot.Cards;
using ReflectBot.Content;
using ReflectBot.Safety.Evaluation;

namespace ReflectBot.Hosting;

/// <summary>
/// <c>evaluate-cards [content folder] [--verbose]</c>: every labelled sentence of <c>cards/evaluation/dev.tsv</c>
/// and of each <c>test*.tsv</c> there through the card matcher the bot uses (<see cref="CardCatalog.MatchKeywords"/>,
/// with the content's cards and cues), one file at a time: accuracy (the right card, or rightly none), recall
/// of the right card where one was expected, and the rate of a card offered where none was right, each with its
/// 95 % Wilson interval. <c>--verbose</c> lists the development set's mistakes, never a test set's: those stay
/// unseen so they keep measuring.
/// </summary>
public static class CardEvaluationCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var content = ContentOptions.ResolveFolder(args.FirstOrDefault(a => !a.StartsWith('-')) ?? new ContentOptions().Path);
        var errors = new List<ContentError>();
        var library = ContentLibrary.LoadWithErrors(content, errors);
        var sets = errors.Count == 0 ? CardCheckSet.LoadAll(content, library.Cards, errors) : [];
        if (errors.Count == 0 && sets.Count == 0)
        {
            errors.Add(new ContentError($"cards/{CardCheckSet.Folder}/dev.tsv", 1, "there is no card evaluation set."));
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                error.WriteLine(e.ToString());
            }

            return 1;
        }

        output.WriteLine($"Card keywords on {content}: {library.Cards.All.Count} cards.");
        foreach (var (name, checks) in sets)
        {
            var results = checks.Select(c => (Check: c, Got: library.Cards.MatchKeywords(c.Text)?.Id ?? CardCheckSet.None)).ToList();
            output.Write(Report(name, results));
            if (name == "dev.tsv" && args.Contains("--verbose"))
            {
                foreach (var (check, got) in results.Where(r => r.Got != r.Check.Card))
                {
                    output.WriteLine($"  {check.Id}: expected {check.Card}, got {got}: {check.Text}");
                }
            }
        }

        return 0;
    }

    /// <summary>The three figures for one file's results, each with its Wilson interval.</summary>
    public static string Report(string name, IReadOnlyList<(CardCheck Check, string Got)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var withCard = results.Where(r => r.Check.ExpectsCard).ToList();
        var withoutCard = results.Where(r => !r.Check.ExpectsCard).ToList();
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {results.Count} sentences ({withCard.Count} with a card, {withoutCard.Count} with none)"));
        text.AppendLine(Line("accuracy (the right card, or rightly none)", results.Count(r => r.Got == r.Check.Card), results.Count));
        text.AppendLine(Line("recall of the right card", withCard.Count(r => r.Got == r.Check.Card), withCard.Count));
        text.AppendLine(Line("a card offered where none was right", withoutCard.Count(r => r.Got != CardCheckSet.None), withoutCard.Count));
        return text.ToString();
    }

    private static string Line(string what, int count, int of)
    {
        if (of == 0)
        {
            return $"  {what}: no sentences";
        }

        var (low, high) = Wilson.Interval(count, of);
        return string.Create(CultureInfo.InvariantCulture, $"  {what}: {count}/{of} = {100.0 * count / of:F1} % (95 % Wilson {100 * low:F1}–{100 * high:F1} %)");
    }
}

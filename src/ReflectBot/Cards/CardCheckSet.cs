using ReflectBot.Content;

namespace ReflectBot.Cards;

/// <summary>
/// The card keyword sets in <c>cards/evaluation/</c>: <c>dev.tsv</c> and every <c>test*.tsv</c>, each line
/// <c>id card text</c> (tab-separated, an optional header <c>id card text</c>), where card is a card id or
/// <c>none</c>. Every problem is named with its file and line.
/// </summary>
public static class CardCheckSet
{
    public const string None = "none";

    public const string Header = "id\tcard\ttext";

    public const string Folder = "evaluation";

    /// <summary>The sets of a content folder, the development set first, each by its path under the content folder.</summary>
    public static IReadOnlyList<(string Name, List<CardCheck> Checks)> LoadAll(string content, CardCatalog cards, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(content, "cards", Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*.tsv")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f == "dev.tsv" || f.StartsWith("test", StringComparison.Ordinal))
            .OrderBy(f => f == "dev.tsv" ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        return [.. files.Select(f => (Name: f, Checks: Load(Path.Combine(folder, f), $"cards/{Folder}/{f}", cards, errors)))];
    }

    public static List<CardCheck> Load(string path, string display, CardCatalog cards, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(errors);
        var checks = new List<CardCheck>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || (i == 0 && line == Header))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                errors.Add(new ContentError(display, i + 1, $"expected 3 tab-separated columns (id, card, text), found {parts.Length}."));
                continue;
            }

            var (id, card, text) = (parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
            if (id.Length == 0 || !ids.Add(id))
            {
                errors.Add(new ContentError(display, i + 1, id.Length == 0 ? "the id is empty." : $"the id '{id}' is used twice."));
                continue;
            }

            if (card != None && cards.Find(card) is null)
            {
                errors.Add(new ContentError(display, i + 1, $"'{card}' is neither a card id nor '{None}'."));
                continue;
            }

            if (text.Length == 0)
            {
                errors.Add(new ContentError(display, i + 1, "the text is empty."));
                continue;
            }

            checks.Add(new CardCheck(id, card, text, display, i + 1));
        }

        return checks;
    }
}

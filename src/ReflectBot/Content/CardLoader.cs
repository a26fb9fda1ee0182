using System.Text.RegularExpressions;

namespace ReflectBot.Content;

/// <summary>Reads card files into <see cref="CardDefinition"/>s, collecting every problem with its file and line.</summary>
public static partial class CardLoader
{
    public const int MinWords = 60;
    public const int MaxWords = 120;

    public static CardDefinition? Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (YamlReader.ReadRoot(path, displayName, errors, "a card file should be a mapping with id, title, text, question, journey, tags and keywords.") is not { } root)
        {
            return null;
        }

        var read = new YamlReader(displayName, errors);
        read.OnlyKeys(root, "id", "title", "text", "question", "journey", "tags", "keywords");
        var card = new CardDefinition
        {
            Id = read.String(root, "id", required: true) ?? string.Empty,
            Title = read.String(root, "title", required: true) ?? string.Empty,
            Text = (read.String(root, "text", required: true) ?? string.Empty).Trim(),
            Question = (read.String(root, "question", required: true) ?? string.Empty).Trim(),
            Journey = read.String(root, "journey", required: true) ?? string.Empty,
            JourneyLine = YamlReader.LineOf(YamlReader.Child(root, "journey") ?? root),
            Tags = read.Strings(root, "tags"),
            Keywords = read.Strings(root, "keywords"),
            SourceFile = displayName,
        };

        var words = Words().Count(card.Text);
        if (card.Text.Length > 0 && words is < MinWords or > MaxWords)
        {
            read.Error(YamlReader.Child(root, "text"), $"card '{card.Id}': the text has {words} words; write {MinWords} to {MaxWords}.");
        }

        if (card.Question.Length > 0 && !card.Question.EndsWith('?'))
        {
            read.Error(YamlReader.Child(root, "question"), $"card '{card.Id}': the question should be one question, ending with '?'.");
        }

        if (card.Tags.Count == 0)
        {
            read.Error(YamlReader.Child(root, "tags") ?? root, $"card '{card.Id}' needs at least one tag.");
        }

        if (card.Keywords.Count == 0)
        {
            read.Error(YamlReader.Child(root, "keywords") ?? root, $"card '{card.Id}' needs at least one keyword, so what people write can bring it up.");
        }

        return card;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}

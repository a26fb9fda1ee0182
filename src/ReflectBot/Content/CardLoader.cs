using System.Text.RegularExpressions;
using static ReflectBot.Content.YamlValues;

namespace ReflectBot.Content;

/// <summary>Reads card files into <see cref="CardDefinition"/>s; card.schema.json checks the shape, here only the length in words.</summary>
public static partial class CardLoader
{
    public const int MinWords = 60;
    public const int MaxWords = 120;

    public static CardDefinition? Load(string path, string displayName, List<ContentError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        if (Read(path, displayName, errors) is not { } root)
        {
            return null;
        }

        var card = new CardDefinition
        {
            Id = Text(root, "id")!,
            Title = Text(root, "title")!,
            Text = Text(root, "text")!.Trim(),
            Question = Text(root, "question")!.Trim(),
            Journey = Text(root, "journey")!,
            JourneyLine = Line(root, "journey"),
            Tags = Texts(root, "tags"),
            Keywords = Texts(root, "keywords"),
            SourceFile = displayName,
        };

        // A schema counts characters, not words.
        var words = Words().Count(card.Text);
        if (words is < MinWords or > MaxWords)
        {
            errors.Add(new ContentError(displayName, Line(root, "text"), $"card '{card.Id}': the text has {words} words; write {MinWords} to {MaxWords}."));
        }

        return card;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}

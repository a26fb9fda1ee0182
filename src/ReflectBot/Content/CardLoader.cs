using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
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
            KeywordRules = Keywords(root),
            Exclude = Texts(root, "exclude"),
            SourceFile = displayName,
        };
        card.Keywords = [.. card.KeywordRules.Select(k => k.Phrase)];

        // A schema counts characters, not words.
        var words = Words().Count(card.Text);
        if (words is < MinWords or > MaxWords)
        {
            errors.Add(new ContentError(displayName, Line(root, "text"), $"card '{card.Id}': the text has {words} words; write {MinWords} to {MaxWords}."));
        }

        return card;
    }

    // A keyword is a phrase, or a mapping with its phrase and the cue groups it needs or is cancelled by.
    private static List<CardKeyword> Keywords(YamlMappingNode root) => Child(root, "keywords") switch
    {
        YamlScalarNode { Value: { } one } scalar => [CardKeyword.Plain(one, YamlJson.LineOf(scalar))],
        YamlSequenceNode list => [.. list.Select(item => item switch
        {
            YamlMappingNode map => new CardKeyword(Text(map, "phrase") ?? string.Empty, Texts(map, "needs"), Texts(map, "unless"), YamlJson.LineOf(map)),
            var other => CardKeyword.Plain((other as YamlScalarNode)?.Value ?? string.Empty, YamlJson.LineOf(other)),
        })],
        _ => [],
    };

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}

using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>
/// The form a clinician writes a reflection in on Teams and in web chat: one Adaptive Card (1.5) with a title and
/// <see cref="TemplateRules.MaxQuestions"/> rows of question, how it is answered, and options. Its button posts
/// "save reflection" with the inputs as the message's value (Teams' Action.Submit and Web Chat alike);
/// <see cref="Read"/> turns that value back into a title and questions, whatever a hostile client put in it.
/// </summary>
public static class ReflectionForm
{
    public const string SaveCommand = "save reflection";
    public const string TemplateIdField = "templateId";
    private const string TitleField = "title";

    public static Attachment Card(ReflectionTemplate? template, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var body = new JArray
        {
            new JObject
            {
                ["type"] = "TextBlock",
                ["text"] = template is null ? strings[ReflectionStrings.FormTitle] : strings.Text(ReflectionStrings.FormEditTitle, ("title", template.Title)),
                ["size"] = "Large",
                ["weight"] = "Bolder",
                ["wrap"] = true,
                ["style"] = "heading",
            },
            new JObject { ["type"] = "TextBlock", ["text"] = strings.Text(ReflectionStrings.FormHint, ("max", TemplateRules.MaxQuestions)), ["wrap"] = true },
            new JObject
            {
                ["type"] = "Input.Text",
                ["id"] = TitleField,
                ["label"] = strings[ReflectionStrings.FormTitleLabel],
                ["maxLength"] = TemplateRules.MaxTitleChars,
                ["isRequired"] = true,
                ["errorMessage"] = strings.Text(ReflectionStrings.FormTitleError, ("max", TemplateRules.MaxTitleChars)),
                ["value"] = template?.Title ?? string.Empty,
            },
        };

        for (var number = 1; number <= TemplateRules.MaxQuestions; number++)
        {
            var question = template is not null && number <= template.Questions.Count ? template.Questions[number - 1] : null;
            body.Add(new JObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JArray
                {
                    new JObject
                    {
                        ["type"] = "Input.Text",
                        ["id"] = QuestionField(number),
                        ["label"] = strings.Text(ReflectionStrings.FormQuestionLabel, ("number", number)),
                        ["isMultiline"] = true,
                        ["maxLength"] = TemplateRules.MaxQuestionChars,
                        ["value"] = question?.Text ?? string.Empty,
                    },
                    new JObject
                    {
                        ["type"] = "Input.ChoiceSet",
                        ["id"] = KindField(number),
                        ["label"] = strings.Text(ReflectionStrings.FormKindLabel, ("number", number)),
                        ["style"] = "compact",
                        ["value"] = KindValue(question?.Kind ?? QuestionKind.Text),
                        ["choices"] = new JArray(Enum.GetValues<QuestionKind>().Select(k => new JObject { ["title"] = strings[ReflectionStrings.Kind(k)], ["value"] = KindValue(k) })),
                    },
                    new JObject
                    {
                        ["type"] = "Input.Text",
                        ["id"] = OptionsField(number),
                        ["label"] = strings.Text(ReflectionStrings.FormOptionsLabel, ("number", number)),
                        ["maxLength"] = (TemplateRules.MaxChoiceChars + 2) * TemplateRules.MaxChoices,
                        ["value"] = question is null ? string.Empty : string.Join(", ", question.Choices),
                    },
                },
            });
        }

        var data = new JObject { ["text"] = SaveCommand };
        if (template is not null)
        {
            data[TemplateIdField] = template.Id;
        }

        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["speak"] = strings.Text(ReflectionStrings.FormSpeak, ("max", TemplateRules.MaxQuestions)),
            ["body"] = body,
            ["actions"] = new JArray { new JObject { ["type"] = "Action.Submit", ["title"] = strings[ReflectionStrings.FormSave], ["data"] = data } },
        };
        return new Attachment(SummaryCard.ContentType, content: card);
    }

    /// <summary>
    /// The form's inputs as posted: the template id (null for a new one), the title, and each question row that
    /// has words, in order. Rows are read past the form's own count, so an over-full post gets the rule's
    /// sentence rather than being cut short; anything that is not a string counts as blank.
    /// </summary>
    public static (string? TemplateId, string? Title, List<TemplateQuestion> Questions) Read(JObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var questions = new List<TemplateQuestion>();
        for (var number = 1; number <= TemplateRules.MaxQuestions * 4; number++)
        {
            var text = StringOf(value, QuestionField(number));
            if (text.Length == 0)
            {
                continue;
            }

            var kind = KindOf(StringOf(value, KindField(number)));
            questions.Add(new TemplateQuestion
            {
                Kind = kind,
                Text = text,
                Choices = kind == QuestionKind.Choice ? TemplateRules.SplitChoices(StringOf(value, OptionsField(number))) : [],
            });
        }

        var id = StringOf(value, TemplateIdField);
        return (id.Length == 0 ? null : id, StringOf(value, TitleField), questions);
    }

    /// <summary>True when a message's value carries a posted form (its title field, even empty).</summary>
    public static bool IsPosted(object? value) => value is JObject o && o.ContainsKey(TitleField);

    public static string KindValue(QuestionKind kind) => kind.ToString().ToLowerInvariant();

    private static QuestionKind KindOf(string value)
        => Enum.GetValues<QuestionKind>().FirstOrDefault(k => string.Equals(KindValue(k), value, StringComparison.OrdinalIgnoreCase));

    private static string QuestionField(int number) => "q" + number.ToString(CultureInfo.InvariantCulture);

    private static string KindField(int number) => "k" + number.ToString(CultureInfo.InvariantCulture);

    private static string OptionsField(int number) => "o" + number.ToString(CultureInfo.InvariantCulture);

    private static string StringOf(JObject value, string field)
        => value.TryGetValue(field, StringComparison.Ordinal, out var token) && token is JValue { Type: JTokenType.String } s ? (s.Value<string>() ?? string.Empty).Trim() : string.Empty;
}

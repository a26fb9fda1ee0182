using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>
/// What a clinician's own reflection may hold, checked like content before it is saved: a title, 1 to 8
/// questions of bounded length, 2 to 6 short options for a choice. Each problem is one whole sentence.
/// </summary>
public static class TemplateRules
{
    public const int MaxTitleChars = 80;
    public const int MinQuestions = 1;
    public const int MaxQuestions = 8;
    public const int MaxQuestionChars = 300;
    public const int MinChoices = 2;
    public const int MaxChoices = 6;
    public const int MaxChoiceChars = 60;

    /// <summary>How many reflections one clinician may keep: the store is bounded per person.</summary>
    public const int MaxTemplates = 50;

    public static List<string> Problems(string? title, IReadOnlyList<TemplateQuestion> questions, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(strings);
        var problems = new List<string>();
        var t = title?.Trim() ?? string.Empty;
        if (t.Length == 0)
        {
            problems.Add(strings[ReflectionStrings.TitleMissing]);
        }
        else if (t.Length > MaxTitleChars)
        {
            problems.Add(strings.Text(ReflectionStrings.TitleTooLong, ("length", t.Length), ("max", MaxTitleChars)));
        }

        if (questions.Count < MinQuestions)
        {
            problems.Add(strings[ReflectionStrings.NoQuestions]);
        }
        else if (questions.Count > MaxQuestions)
        {
            problems.Add(strings.Text(ReflectionStrings.TooManyQuestions, ("count", questions.Count), ("max", MaxQuestions)));
        }

        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var number = i + 1;
            if (q.Text.Length > MaxQuestionChars)
            {
                problems.Add(strings.Text(ReflectionStrings.QuestionTooLong, ("number", number), ("length", q.Text.Length), ("max", MaxQuestionChars)));
            }

            if (q.Kind == QuestionKind.Choice && (q.Choices.Count < MinChoices || q.Choices.Count > MaxChoices))
            {
                problems.Add(strings.Text(ReflectionStrings.ChoicesCount, ("number", number), ("min", MinChoices), ("max", MaxChoices)));
            }
            else if (q.Choices.Any(c => c.Length > MaxChoiceChars))
            {
                problems.Add(strings.Text(ReflectionStrings.ChoiceTooLong, ("number", number), ("max", MaxChoiceChars)));
            }
        }

        return problems;
    }

    /// <summary>Options as typed ("calm, tense, numb"): trimmed, blanks and repeats dropped.</summary>
    public static List<string> SplitChoices(string? typed)
        => [.. (typed ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

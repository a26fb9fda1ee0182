using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Journeys;

/// <summary>
/// What a question says again after an answer it cannot take, in <c>dialogs/strings/prompts.yaml</c>, handed to the
/// waterfall runtime's prompts (which keep no sentence of their own) by every dialog that asks (journeys, clinic).
/// </summary>
public static class PromptStrings
{
    public static readonly StringKey YesOrNo = new("prompts.yesOrNo");
    public static readonly StringKey Number = new("prompts.number");
    public static readonly StringKey Text = new("prompts.text");
    public static readonly StringKey DateTime = new("prompts.dateTime");
    public static readonly StringKey PickAny = new("prompts.pickAny");

    /// <summary>{choices}: the options, numbered, as "1. Work, 2. Sleep".</summary>
    public static readonly StringKey PickFrom = new("prompts.pickFrom", "choices");

    /// <summary>{min} and {max} of the scale; {scale}: the scale described, as "0 = calm, 10 = overwhelmed".</summary>
    public static readonly StringKey WholeNumber = new("prompts.wholeNumber", "min", "max", "scale");

    /// <summary>{low} and {high}: two neighbouring points of a scale the person gave as a range ("7 or 8").</summary>
    public static readonly StringKey Between = new("prompts.between", "low", "high");

    /// <summary>The runtime's wording, from the content.</summary>
    public static PromptWording Wording(StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        return new PromptWording
        {
            YesOrNo = strings[YesOrNo],
            Number = strings[Number],
            Text = strings[Text],
            DateTime = strings[DateTime],
            PickAny = strings[PickAny],
            PickFrom = choices => strings.Text(PickFrom, ("choices", choices)),
            Between = (low, high) => strings.Text(Between, ("low", low), ("high", high)),
            WholeNumber = (min, max, scale) => strings.Text(WholeNumber, ("min", min), ("max", max), ("scale", scale)),
        };
    }
}

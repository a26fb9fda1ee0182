using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Choices;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// Asks for a whole number on a scale such as 0–10, and accepts the ways people say one:
/// "7", "seven", "7/10", "7 out of 10", "about a seven", "a 7 I think". Out of range or not a
/// number: asks again, saying what the scale is. A "one" that is a pronoun ("the attachment one", "that one",
/// "no one") is no number. Two neighbouring points ("7 or 8", "7-8", "between 7 and 8") are a range: the scale
/// has whole points only and the journeys act on bands of them (a mood of 0 or 1 brings a gentle check, a distress
/// of 7 or more a card), so guessing either end would sometimes take the other branch than the person meant; the
/// prompt asks which of the two is closer, with the two as buttons, one tap.
/// </summary>
public sealed partial class ScalePrompt : Prompt<int>
{
    public ScalePrompt(string dialogId, PromptWording wording, PromptValidator<int>? validator = null)
        : base(dialogId, wording, validator)
    {
    }

    protected override string DefaultRetryPrompt(PromptOptions options)
    {
        var range = RangeOf(options);
        return Wording.WholeNumber(range.Min, range.Max, range.Describe());
    }

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        if (isRetry && options.RetryPrompt is null && RangeIn(turnContext.Activity?.Text, RangeOf(options)) is { } between)
        {
            var activity = MessageFactory.Text(Wording.Between(between.Low, between.High));
            activity.InputHint = InputHints.ExpectingInput;
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [.. new[] { between.Low, between.High }.Select(n =>
                {
                    var label = n.ToString(CultureInfo.InvariantCulture);
                    return new CardAction(ActionTypes.ImBack, label, value: label);
                })],
            };
            return turnContext.SendActivityAsync(activity, cancellationToken);
        }

        return base.OnPromptAsync(turnContext, options, isRetry, cancellationToken);
    }

    /// <summary>Two neighbouring points of the scale given as a range ("7 or 8", "7-8", "between seven and eight"), or null.</summary>
    public static (int Low, int High)? RangeIn(string? text, ScaleRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (string.IsNullOrWhiteSpace(text) || Range().Match(text) is not { Success: true } match
            || PointOf(match.Groups["a"].Value) is not { } a || PointOf(match.Groups["b"].Value) is not { } b)
        {
            return null;
        }

        var (low, high) = a < b ? (a, b) : (b, a);
        return high - low == 1 && low >= range.Min && high <= range.Max ? (low, high) : null;
    }

    private static int? PointOf(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
        {
            return digits;
        }

        var index = Array.IndexOf(Words, word.ToLowerInvariant());
        return index >= 0 ? index : null;
    }

    private static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    protected override IMessageActivity BuildPrompt(ITurnContext turnContext, PromptOptions options, string text)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var range = RangeOf(options);
        var activity = base.BuildPrompt(turnContext, options, text);

        // Tap targets for the numbers where the channel shows them all; elsewhere the text is enough.
        var count = range.Max - range.Min + 1;
        if (count <= 11 && count <= ChannelCapabilities.MaxSuggestedActions(turnContext.Activity.ChannelId))
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [.. Enumerable.Range(range.Min, count).Select(n =>
                {
                    var label = n.ToString(CultureInfo.InvariantCulture);
                    return new CardAction(ActionTypes.ImBack, label, value: label);
                })],
            };
        }

        return activity;
    }

    protected override Task<PromptRecognizerResult<int>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(Recognize(turnContext.Activity.Text, RangeOf(options), CultureOf(turnContext)));
    }

    /// <summary>Reads a scale answer; public so the content validator and tests can use the same rule.</summary>
    public static PromptRecognizerResult<int> Recognize(string? text, ScaleRange range, string culture = "en-us")
    {
        ArgumentNullException.ThrowIfNull(range);
        if (string.IsNullOrWhiteSpace(text))
        {
            return PromptRecognizerResult<int>.Failed;
        }

        if (RangeIn(text, range) is not null)
        {
            return PromptRecognizerResult<int>.Failed;
        }

        text = NumberRecognition.WithoutPronounOnes(text);
        double value;
        var outOf = OutOf().Match(text);
        var top = outOf.Success ? NumberRecognition.All(outOf.Groups["top"].Value, culture) : [];
        var score = outOf.Success ? NumberRecognition.All(Article().Replace(outOf.Groups["score"].Value, " "), culture) : [];
        if (top.Count == 1 && score.Count == 1)
        {
            // "7/10", "seven out of ten": the first number is the answer, the second must be the top of
            // the scale (a 7/10 on a 0–5 scale is not a 5-point answer).
            if (!top[0].Equals(range.Max))
            {
                return PromptRecognizerResult<int>.Failed;
            }

            value = score[0];
        }
        else
        {
            // The recognizer reads "a" as one in phrases like "a seven"; drop a lone article first.
            var numbers = NumberRecognition.All(Article().Replace(text, " "), culture);
            if (numbers.Count == 0 || numbers.Any(n => !n.Equals(numbers[0])))
            {
                return PromptRecognizerResult<int>.Failed;
            }

            value = numbers[0];
        }

        if (value != Math.Floor(value) || value < range.Min || value > range.Max)
        {
            return PromptRecognizerResult<int>.Failed;
        }

        return new PromptRecognizerResult<int>(true, (int)value);
    }

    private static ScaleRange RangeOf(PromptOptions options) => options.Scale ?? new ScaleRange(0, 10);

    [GeneratedRegex(@"(?<score>[\w.\-]+)\s*(?:/|out\s+of|of)\s*(?<top>[\w.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutOf();

    // The whole message is the range, give or take a hedge: "7 or 8", "maybe 7-8", "between seven and eight", "like a 3 or 4".
    [GeneratedRegex(@"^\W*(?:(?:i'?d|i|would|say|think|guess|feel|it'?s|its|i'?m|im|about|around|like|maybe|probably|somewhere|between|a|an|prob|honestly|hmm+|um+|uh+)\W+)*(?<a>\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:or|to|-|–|and|or maybe|maybe)\s*(?:a\s+|an\s+)?(?<b>\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten)\W*(?:(?:i\s+think|i\s+guess|maybe|probably|ish|today|right\s+now|now)\W*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?:a|an)\b(?=\s+\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Article();
}

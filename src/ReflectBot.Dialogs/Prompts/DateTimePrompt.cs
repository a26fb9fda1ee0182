using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text.DateTime;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// Asks for a date, time or range ("tomorrow at 8pm", "next Monday evening"), read by
/// Microsoft.Recognizers.Text.DateTime relative to the user's local now (see <see cref="TimeZones.Of"/>).
/// The result is the list of readings, the most likely first.
/// </summary>
public sealed class DateTimePrompt : Prompt<IReadOnlyList<DateTimeResolution>>
{
    private readonly TimeProvider _time;

    public DateTimePrompt(string dialogId, PromptWording wording, PromptValidator<IReadOnlyList<DateTimeResolution>>? validator = null, TimeProvider? timeProvider = null)
        : base(dialogId, wording, validator)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    protected override string DefaultRetryPrompt(PromptOptions options)
        => Wording.DateTime;

    protected override Task<PromptRecognizerResult<IReadOnlyList<DateTimeResolution>>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var zone = TimeZones.Of(turnContext);
        var found = Recognize(turnContext.Activity.Text, zone, _time.GetUtcNow(), CultureOf(turnContext));
        return Task.FromResult(found.Count > 0
            ? new PromptRecognizerResult<IReadOnlyList<DateTimeResolution>>(true, found)
            : PromptRecognizerResult<IReadOnlyList<DateTimeResolution>>.Failed);
    }

    /// <summary>Reads dates and times in <paramref name="text"/> as they are meant in <paramref name="zone"/> at <paramref name="utcNow"/>.</summary>
    public static IReadOnlyList<DateTimeResolution> Recognize(string? text, TimeZoneInfo zone, DateTimeOffset utcNow, string culture = "en-us")
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // The recognizer resolves "tomorrow" against a reference clock; hand it the user's wall clock.
        var localNow = TimeZoneInfo.ConvertTime(utcNow, zone).DateTime;
        var results = DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, localNow);
        var resolutions = new List<DateTimeResolution>();
        foreach (var result in results)
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
            {
                continue;
            }

            foreach (var value in values)
            {
                resolutions.Add(new DateTimeResolution(
                    value.GetValueOrDefault("timex") ?? string.Empty,
                    value.GetValueOrDefault("type") ?? string.Empty,
                    value.GetValueOrDefault("value"),
                    value.GetValueOrDefault("start"),
                    value.GetValueOrDefault("end"),
                    zone.Id));
            }
        }

        // Ambiguous times ("8" could be 8am or 8pm) come back as two readings: prefer the next one ahead.
        return [.. resolutions
            .OrderBy(r => r.ToDateTimeOffset() is { } at && at >= utcNow ? 0 : 1)
            .ThenBy(r => r.ToDateTimeOffset() ?? DateTimeOffset.MaxValue)];
    }
}

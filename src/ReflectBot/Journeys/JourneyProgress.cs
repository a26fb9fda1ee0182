using Newtonsoft.Json.Linq;

namespace ReflectBot.Journeys;

/// <summary>
/// What a journey keeps in its waterfall's values between turns: the answers, the mood, the step a
/// branch skips to, the journey an answer offers, how many questions were asked and the cards shown
/// (so the same card is never shown twice in one journey). Plain JSON, persisted with the stack.
/// </summary>
internal static class JourneyProgress
{
    /// <summary>Handed from a skipped ask step to its record step; never persisted.</summary>
    public static readonly object Skipped = new();

    /// <summary>Handed from a prompt the person stepped back from ("previous question") to the step after it; never persisted.</summary>
    public static readonly object StepBack = new();

    /// <summary>Handed from a prompt the person skipped ("skip") to its record step; never persisted.</summary>
    public static readonly object SkippedByPerson = new();

    private const string AnswersKey = "answers";
    private const string QuestionsKey = "questions";
    private const string MoodKey = "mood";
    private const string GotoKey = "goto";
    private const string OfferKey = "offer";
    private const string AskedKey = "asked";
    private const string CardsKey = "cards";
    private const string KeywordCardKey = "keywordCard";
    private const string TrailKey = "trail";
    private const string TrailIndexKey = "i";
    private const string TrailBeforeKey = "b";

    public static JObject Answers(JObject values)
    {
        if (values[AnswersKey] is not JObject answers)
        {
            answers = [];
            values[AnswersKey] = answers;
        }

        return answers;
    }

    /// <summary>The wording each step was asked in, by step id.</summary>
    public static JObject Questions(JObject values)
    {
        if (values[QuestionsKey] is not JObject questions)
        {
            questions = [];
            values[QuestionsKey] = questions;
        }

        return questions;
    }

    public static void SetMood(JObject values, int mood) => values[MoodKey] = mood;

    public static int? Mood(JObject values) => values.Value<int?>(MoodKey);

    public static void SkipTo(JObject values, string stepId) => values[GotoKey] = stepId;

    public static string? SkippingTo(JObject values) => values.Value<string?>(GotoKey);

    public static void ArriveAt(JObject values) => values.Remove(GotoKey);

    public static void SetOffer(JObject values, string journeyId) => values[OfferKey] = journeyId;

    public static string? Offer(JObject values) => values.Value<string?>(OfferKey);

    public static void CountQuestion(JObject values) => values[AskedKey] = Asked(values) + 1;

    public static int Asked(JObject values) => values.Value<int?>(AskedKey) ?? 0;

    public static IReadOnlyList<string> Shown(JObject values)
        => values[CardsKey] is JArray shown ? [.. shown.Values<string>().OfType<string>()] : [];

    public static bool WasShown(JObject values, string cardId) => Shown(values).Contains(cardId, StringComparer.Ordinal);

    public static void RecordShown(JObject values, string cardId)
    {
        if (values[CardsKey] is not JArray shown)
        {
            shown = [];
            values[CardsKey] = shown;
        }

        shown.Add(cardId);
    }

    public static bool KeywordCardShown(JObject values) => values.Value<bool?>(KeywordCardKey) ?? false;

    public static void MarkKeywordCard(JObject values) => values[KeywordCardKey] = true;

    /// <summary>
    /// Notes that the ask step at <paramref name="stepIndex"/> is about to ask its question, with everything the
    /// journey kept before it except the answers and wordings (which stay: stepping back removes just the one
    /// answer). Asked again (the same step on top), nothing is added.
    /// </summary>
    public static void Arrive(JObject values, int stepIndex)
    {
        if (values[TrailKey] is not JArray trail)
        {
            trail = [];
            values[TrailKey] = trail;
        }

        if (trail.Count > 0 && TrailIndex(trail[^1]) == stepIndex)
        {
            return;
        }

        var before = new JObject();
        foreach (var property in values.Properties().Where(p => !KeptThroughStepBack(p.Name)))
        {
            before[property.Name] = property.Value.DeepClone();
        }

        trail.Add(new JObject { [TrailIndexKey] = stepIndex, [TrailBeforeKey] = before });
    }

    /// <summary>
    /// Steps back from the question at <paramref name="current"/> (null when no question of the journey is open: the
    /// save question) to the one asked before it: everything the journey kept is as it was before that question was
    /// asked, except the other answers. Returns the ask step to run and whether it is an earlier question (false:
    /// there is none, and the same question comes again).
    /// </summary>
    public static (int StepIndex, bool Earlier)? StepBackFrom(JObject values, int? current)
    {
        if (values[TrailKey] is not JArray trail || trail.Count == 0)
        {
            return null;
        }

        if (current is { } open && TrailIndex(trail[^1]) == open && trail.Count > 1)
        {
            trail.RemoveAt(trail.Count - 1);
        }

        if (trail[^1] is not JObject target || TrailIndex(target) is not { } index)
        {
            return null;
        }

        foreach (var name in values.Properties().Select(p => p.Name).Where(n => !KeptThroughStepBack(n)).ToList())
        {
            values.Remove(name);
        }

        foreach (var property in ((JObject?)target[TrailBeforeKey] ?? []).Properties())
        {
            values[property.Name] = property.Value.DeepClone();
        }

        return (index, index != current);
    }

    private static int? TrailIndex(JToken? entry) => (entry as JObject)?.Value<int?>(TrailIndexKey);

    private static bool KeptThroughStepBack(string key) => key is AnswersKey or QuestionsKey or TrailKey;
}

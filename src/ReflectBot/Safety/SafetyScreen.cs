using System.Diagnostics;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// The safety screen: the lexicon first (fast and explainable: a live phrase is clear risk, whatever
/// the model says), then, on messages with free text, the model over the sentence embedding and the
/// lexicon's stance (clear risk, possible risk, or nothing). A message the lexicon reads as told in the
/// past, and the model does not read as risk, is a past experience.
/// </summary>
public sealed class SafetyScreen(RiskScreen lexicon, ISafetyModelLayer? model = null)
{
    private static readonly KeyValuePair<string, object?> LexiconLayer = new("layer", "lexicon");
    private static readonly KeyValuePair<string, object?> ModelLayer = new("layer", "model");

    public RiskScreen Lexicon => lexicon;

    public ISafetyModelLayer? Model => model;

    /// <summary>
    /// Screens a message in a turn, waiting (within its bound) for the model layer while it loads at start-up.
    /// The model's reading may share its run with other turns' (<see cref="ISafetyModelLayer.ReadAsync"/>); the
    /// model layer's time in telemetry is what this turn waited for it.
    /// </summary>
    public async Task<ScreenResult> ScreenAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (model is not null && FreeText.Has(text))
        {
            await model.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
        }

        var (reading, lexiconDone) = ReadLexicon(text);
        var read = NeedsModel(reading, text) ? await model!.ReadAsync(text!, reading, cancellationToken).ConfigureAwait(false) : null;
        RecordModel(read, lexiconDone);
        return Combine(reading, read);
    }

    /// <summary>Screens a message on this thread, the model running alone (evaluation, tests).</summary>
    public ScreenResult Screen(string? text)
    {
        var (reading, lexiconDone) = ReadLexicon(text);
        var read = NeedsModel(reading, text) ? model!.Read(text!, reading) : null;
        RecordModel(read, lexiconDone);
        return Combine(reading, read);
    }

    private (LexiconReading Reading, long Done) ReadLexicon(string? text)
    {
        var started = Stopwatch.GetTimestamp();
        var reading = lexicon.Read(text);
        var done = Stopwatch.GetTimestamp();
        ReflectBotTelemetry.SafetyScreenDuration.Record(Stopwatch.GetElapsedTime(started, done).TotalSeconds, LexiconLayer);
        return (reading, done);
    }

    private bool NeedsModel(LexiconReading reading, string? text) => reading.Live == RiskClass.None && model is not null && FreeText.Has(text);

    private static void RecordModel(ScreenResult? read, long lexiconDone)
    {
        if (read is not null)
        {
            ReflectBotTelemetry.SafetyScreenDuration.Record(Stopwatch.GetElapsedTime(lexiconDone).TotalSeconds, ModelLayer);
        }
    }

    /// <summary>
    /// Round nine's model-only cap: a model alarm on a message the lexicon finds on no risk topic at all (nothing
    /// live, past or set aside) would get at most the possible-risk check, never the full crisis reply, except an
    /// attempt. Its rule kept it, but the lead turned it off before any held-out figure (evaluation README, round
    /// nine): cross-validated, it spared 13 harmless messages the full reply and took it from 700 risk messages
    /// (7 of them attempts the model read as another class): the messages only the model finds are the ones a
    /// crisis reply exists for. <c>train-safety</c> still measures both ways on every run.
    /// </summary>
    public const bool ModelOnlyCap = false;

    /// <summary>
    /// Round ten's closeness rule (evaluation README, round ten, (b)): a model-only full reply (the lexicon found no
    /// risk topic at all), not an attempt, on an answer to one of the bot's own questions about closeness
    /// (<see cref="RiskScreen.IsClosenessQuestion"/>) gets the possible-risk check instead. Anything else, and any
    /// message whose question is unknown (a first message; storage down), is returned as it is.
    /// </summary>
    public ScreenResult ForAnswer(ScreenResult result, string? question) => ForAnswer(result, lexicon.IsClosenessQuestion(question), ClosenessRule);

    /// <summary>The closeness rule, on or off, for an answer known to be (or not to be) to a closeness question (cross-validation measures both).</summary>
    public static ScreenResult ForAnswer(ScreenResult result, bool answersClosenessQuestion, bool rule)
    {
        ArgumentNullException.ThrowIfNull(result);
        return rule && answersClosenessQuestion && result is { Level: RiskLevel.Clear, Layer: "model", LexiconOnTopic: false } && result.Class != RiskClass.Attempt
            ? result with { Level = RiskLevel.Possible }
            : result;
    }

    /// <summary>
    /// Whether round ten's closeness rule is in the screen that ships: off, by its rule (evaluation README, round ten,
    /// (b)): cross-validated over twenty-seven authors it spared 6 harmless answers the full reply and moved 49 risk
    /// answers to the check, where the rule asked for at least one spared per one moved. <c>train-safety</c> measures
    /// it both ways on every run; the middleware already reads the question a message answers.
    /// </summary>
    public const bool ClosenessRule = false;

    /// <summary>The one rule that joins the layers (the training command's cross-validation uses it too).</summary>
    public static ScreenResult Combine(LexiconReading reading, ScreenResult? model) => Combine(reading, model, ModelOnlyCap);

    /// <summary>The rule that joins the layers, with the model-only cap on or off (cross-validation measures both).</summary>
    public static ScreenResult Combine(LexiconReading reading, ScreenResult? model, bool capModelOnly)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Live != RiskClass.None)
        {
            return new ScreenResult(RiskLevel.Clear, reading.Live, "lexicon", model?.ModelRisk);
        }

        if (model is { Level: RiskLevel.Clear or RiskLevel.Possible })
        {
            // As for a lexicon match (LexiconReading.VoiceSpeaking): a voice's command gets the voices reply, an attempt still comes first.
            var routed = (reading.VoiceSpeaking && model.Class != RiskClass.Attempt ? model with { Class = RiskClass.Voices } : model) with { LexiconOnTopic = reading.OnTopic };
            return capModelOnly && routed is { Level: RiskLevel.Clear } && routed.Class != RiskClass.Attempt && !reading.OnTopic ? routed with { Level = RiskLevel.Possible } : routed;
        }

        if (reading.Past != RiskClass.None)
        {
            return new ScreenResult(RiskLevel.Past, reading.Past, "lexicon", model?.ModelRisk);
        }

        return model is { Level: RiskLevel.Past } ? model : ScreenResult.Nothing with { ModelRisk = model?.ModelRisk };
    }
}

namespace ReflectBot.Safety.Model;

/// <summary>
/// The model layer with its weights and an embedder: embeds the normalized message and each of its
/// sentences once, reads them with the lexicon's stance features (<see cref="SafetyModelWeights.Probabilities"/>),
/// and grades the blended risk. <see cref="ReadAsync"/> embeds through <paramref name="runs"/>, where readings
/// that arrive together share ONNX runs; <see cref="Read"/> runs the model on the caller's thread alone.
/// </summary>
public sealed class SafetyModelLayer(SafetyModelWeights weights, SentenceEmbedder embedder, CoalescingEncoder? runs = null) : ISafetyModelLayer
{
    private readonly CoalescingEncoder _runs = runs ?? new CoalescingEncoder(embedder.Encoder, 1);

    public SafetyModelWeights Weights => weights;

    public CoalescingEncoder Runs => _runs;

    public Task WaitReadyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ScreenResult? Read(string text, LexiconReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Normalized.Length == 0)
        {
            return null;
        }

        return Decide(embedder.EmbedMessage(reading.Normalized), reading);
    }

    public async Task<ScreenResult?> ReadAsync(string text, LexiconReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Normalized.Length == 0)
        {
            return null;
        }

        // The whole (window by window) and the sentences go in as one request; the runs group them by length.
        var windows = SentenceEmbedder.Windows(reading.Normalized);
        var sentences = SentenceEmbedder.Sentences(reading.Normalized);
        var vectors = await _runs.EncodeAsync([.. windows, .. sentences], cancellationToken).ConfigureAwait(false);
        return Decide(new MessageEmbedding(vectors[..windows.Count], vectors[windows.Count..]), reading);
    }

    private ScreenResult Decide(MessageEmbedding embedded, LexiconReading reading)
    {
        var p = weights.Probabilities(embedded.Whole, embedded.Sentences, reading.Features(), reading.Normalized);
        return ModelDecision.Decide(p, weights.Clear, ModelDecision.PossibleFor(reading.Normalized, weights.Clear, weights.PossibleThresholds(), weights.PossibleMinWords));
    }
}

namespace ReflectBot.Safety.Model;

/// <summary>
/// The model layer with its weights and an embedder: embeds the normalized message and each of its
/// sentences once, reads them with the lexicon's stance features (<see cref="SafetyModelWeights.Probabilities"/>),
/// and grades the blended risk.
/// </summary>
public sealed class SafetyModelLayer(SafetyModelWeights weights, SentenceEmbedder embedder) : ISafetyModelLayer
{
    public SafetyModelWeights Weights => weights;

    public Task WaitReadyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ScreenResult? Read(string text, LexiconReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Normalized.Length == 0)
        {
            return null;
        }

        var embedded = embedder.EmbedMessage(reading.Normalized);
        var p = weights.Probabilities(embedded.Whole, embedded.Sentences, reading.Features(), reading.Normalized);
        return ModelDecision.Decide(p, weights.Clear, ModelDecision.PossibleFor(reading.Normalized, weights.Clear, weights.Possible, weights.PossibleMinWords));
    }
}

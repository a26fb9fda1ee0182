namespace ReflectBot.Safety.Model;

/// <summary>
/// The model layer with its weights and an embedder: embeds the normalized message (window by window
/// when it is long), reads each window with the lexicon's stance features, and decides on the window
/// that looks most like risk.
/// </summary>
public sealed class SafetyModelLayer(SafetyModelWeights weights, SentenceEmbedder embedder) : ISafetyModelLayer
{
    public SafetyModelWeights Weights => weights;

    public Task WaitReadyAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ScreenResult? Read(string text, LexiconReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var features = reading.Features();
        double[]? worst = null;
        foreach (var embedding in embedder.Embed(reading.Normalized))
        {
            var p = weights.Probabilities(embedding, features);
            if (worst is null || ModelDecision.Risk(p) > ModelDecision.Risk(worst))
            {
                worst = p;
            }
        }

        return worst is null ? null : ModelDecision.Decide(worst, weights.Clear, weights.Possible);
    }
}

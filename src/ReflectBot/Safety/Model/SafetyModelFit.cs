namespace ReflectBot.Safety.Model;

/// <summary>
/// Fits both heads of the model layer (<see cref="SafetyModelWeights"/>) on every labelled message, not only
/// those the lexicon misses: the lexicon was tuned on some of the same authors, so what it misses there is
/// not what it misses on a new author.
/// <list type="bullet">
/// <item>The sentence head learns from sentences, but a message is labelled, not its sentences: a harmless
/// message's sentences are all harmless, and a risk message has at least one risky sentence. So it is fitted
/// twice (multiple-instance learning): first on whole messages, then on whole messages, every sentence of
/// the harmless ones and, of each risk message, the one sentence the first fit reads as riskiest.</item>
/// <item>The message head learns from whole messages' embeddings alone.</item>
/// </list>
/// </summary>
public static class SafetyModelFit
{
    /// <summary>L2 strength of the sentence head (it has the lexicon's features, which fit the lexicon's own authors too well).</summary>
    public const double SentenceLambda = 1e-4;

    /// <summary>L2 strength of the message head.</summary>
    public const double MessageLambda = 3e-5;

    /// <summary>L2 strength of the n-gram head (<see cref="SafetyNgramHead"/>), chosen by cross-validation across authors (<c>train-safety --ngram-sweep</c>).</summary>
    public const double NgramLambda = 1e-4;

    /// <summary>
    /// The n-gram head's share of the blend (the two embedding heads share the rest equally), chosen by
    /// cross-validation across authors. Round three chose 0.5 but shipped 0: on short everyday answers the
    /// head was overconfident ("something I keep to myself", "no, keep it"). Round four, with eleven authors
    /// (`df-` wrote many short harmless answers), measured it again (nested author CV at the round's
    /// operating point: share 0 0.809, 0.34 0.882, 0.5 0.890, false alarms 0.048-0.050) and switched it on;
    /// see the evaluation README.
    /// </summary>
    public const double NgramShare = 0.5;

    /// <summary>
    /// Words from which the n-gram head has its full share (<see cref="SafetyNgramHead.ShareFor"/>): below it,
    /// proportionally less, so a short answer is read mostly by the embedding heads (a few n-grams each weigh
    /// more: "no, keep it" read 0.95 risk). Cross-validation by author is indifferent (0.889-0.893 for gates
    /// 0 to 10); the test suite's short answers are not.
    /// </summary>
    public const int NgramFullWords = 10;

    /// <summary>
    /// Words a message needs for the model's possible-risk check (<see cref="ModelDecision.PossibleFor"/>);
    /// shorter ones alarm through the model only at the clear threshold. Round four's lower possible-risk
    /// threshold met the test suite's short answers ("something I keep to myself", "no, keep it") with a check.
    /// </summary>
    public const int PossibleMinWords = 6;

    /// <summary>
    /// Whether <c>train-safety</c> reads snowflake-arctic-embed-xs's vectors after MiniLM's by default (round eleven's
    /// (d), decided by the rule in the evaluation README); <c>--encoders</c> chooses either way.
    /// </summary>
    public const bool SecondEncoder = false;

    /// <summary>One training message, embedded: its whole, its sentences, the lexicon's features, its label.</summary>
    public sealed record Encoded(MessageEmbedding Embedding, float[] Lexicon, int Label);

    public static SafetyModelWeights Fit(IReadOnlyList<Encoded> messages, double sentenceLambda = SentenceLambda, double messageLambda = MessageLambda)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var labels = SafetyModelWeights.LabelsExpected();
        var wholes = messages.Select(m => new SafetyTrainer.Sample(SentenceInput(m.Embedding.Whole[0], m.Lexicon), m.Label)).ToList();
        var (w0, b0) = SafetyTrainer.Fit(wholes, labels.Count, sentenceLambda);
        var first = Weights(w0, b0, labels);

        var samples = new List<SafetyTrainer.Sample>(wholes);
        foreach (var m in messages)
        {
            if (m.Embedding.Sentences.Length == 0)
            {
                continue;
            }

            if (m.Label < 2)
            {
                samples.AddRange(m.Embedding.Sentences.Select(s => new SafetyTrainer.Sample(SentenceInput(s, m.Lexicon), m.Label)));
                continue;
            }

            var riskiest = m.Embedding.Sentences.MaxBy(s => ModelDecision.Risk(first.SentenceProbabilities(SentenceInput(s, m.Lexicon))))!;
            samples.Add(new SafetyTrainer.Sample(SentenceInput(riskiest, m.Lexicon), m.Label));
        }

        var (ws, bs) = SafetyTrainer.Fit(samples, labels.Count, sentenceLambda);
        var (wm, bm) = SafetyTrainer.Fit([.. messages.Select(m => new SafetyTrainer.Sample(ToDouble(m.Embedding.Whole[0]), m.Label))], labels.Count, messageLambda);
        var weights = Weights(ws, bs, labels);
        weights.MessageWeights = [.. wm.Select(r => r.ToList())];
        weights.MessageBias = [.. bm];
        return weights;
    }

    private static SafetyModelWeights Weights(double[][] w, double[] b, List<string> labels) => new()
    {
        Labels = labels,
        SentenceBias = [.. b],
        SentenceWeights = [.. w.Select(r => r.ToList())],
    };

    public static double[] SentenceInput(float[] embedding, float[] lexicon)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(lexicon);
        var input = new double[embedding.Length + lexicon.Length];
        for (var j = 0; j < embedding.Length; j++)
        {
            input[j] = embedding[j];
        }

        for (var j = 0; j < lexicon.Length; j++)
        {
            input[embedding.Length + j] = lexicon[j];
        }

        return input;
    }

    private static double[] ToDouble(float[] embedding) => [.. embedding.Select(v => (double)v)];
}

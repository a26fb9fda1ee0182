namespace ReflectBot.Safety.Model;

/// <summary>
/// Multinomial logistic regression with L2 regularisation, fitted by full-batch gradient descent with
/// momentum: a fixed number of steps over the samples in a fixed order, in double precision, so the same
/// inputs always give the same weights. Labels are weighted by the square root of their rarity, so a
/// class with a dozen examples is not drowned by hundreds of harmless ones.
/// Chosen over nearest-centroid because the stance features (negated, past, someone else) need weights
/// of their own sign, and over anything bigger because it trains in seconds and a reviewer can read it.
/// </summary>
public static class SafetyTrainer
{
    public const double Lambda = 0.002;

    public const int Iterations = 600;

    private const double LearningRate = 0.8;
    private const double Momentum = 0.9;

    public sealed record Sample(float[] Embedding, float[] Lexicon, int Label);

    public static (double[][] Weights, double[] Bias) Fit(IReadOnlyList<Sample> samples, int labels, double lambda = Lambda, int iterations = Iterations)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var inputs = SentenceEmbedder.Dimensions + LexiconReading.FeatureCount;
        var w = new double[labels][];
        var vw = new double[labels][];
        for (var k = 0; k < labels; k++)
        {
            w[k] = new double[inputs];
            vw[k] = new double[inputs];
        }

        var b = new double[labels];
        var vb = new double[labels];
        var counts = new int[labels];
        foreach (var s in samples)
        {
            counts[s.Label]++;
        }

        var weightOf = counts.Select(c => c == 0 ? 0 : Math.Sqrt(samples.Count / (double)(labels * c))).ToArray();
        var total = samples.Sum(s => weightOf[s.Label]);
        var x = samples.Select(s => s.Embedding.Select(v => (double)v).Concat(s.Lexicon.Select(v => (double)v)).ToArray()).ToArray();

        var gw = new double[labels][];
        for (var k = 0; k < labels; k++)
        {
            gw[k] = new double[inputs];
        }

        var gb = new double[labels];
        var scores = new double[labels];
        for (var it = 0; it < iterations; it++)
        {
            // Nesterov: the gradient at the point momentum is about to carry us to.
            for (var k = 0; k < labels; k++)
            {
                Array.Clear(gw[k]);
            }

            Array.Clear(gb);
            for (var i = 0; i < x.Length; i++)
            {
                for (var k = 0; k < labels; k++)
                {
                    var sum = b[k] + (Momentum * vb[k]);
                    var row = w[k];
                    var v = vw[k];
                    var xi = x[i];
                    for (var j = 0; j < inputs; j++)
                    {
                        sum += (row[j] + (Momentum * v[j])) * xi[j];
                    }

                    scores[k] = sum;
                }

                var p = SafetyModelWeights.Softmax(scores);
                var weight = weightOf[samples[i].Label] / total;
                for (var k = 0; k < labels; k++)
                {
                    var error = (p[k] - (k == samples[i].Label ? 1 : 0)) * weight;
                    if (error == 0)
                    {
                        continue;
                    }

                    var g = gw[k];
                    var xi = x[i];
                    for (var j = 0; j < inputs; j++)
                    {
                        g[j] += error * xi[j];
                    }

                    gb[k] += error;
                }
            }

            for (var k = 0; k < labels; k++)
            {
                for (var j = 0; j < inputs; j++)
                {
                    var grad = gw[k][j] + (lambda * (w[k][j] + (Momentum * vw[k][j])));
                    vw[k][j] = (Momentum * vw[k][j]) - (LearningRate * grad);
                    w[k][j] += vw[k][j];
                }

                vb[k] = (Momentum * vb[k]) - (LearningRate * gb[k]);
                b[k] += vb[k];
            }
        }

        return (w, b);
    }
}

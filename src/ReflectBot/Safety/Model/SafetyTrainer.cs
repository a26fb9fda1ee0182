namespace ReflectBot.Safety.Model;

/// <summary>
/// Multinomial logistic regression with L2 regularisation, fitted by full-batch gradient descent with
/// Nesterov momentum: a fixed number of steps over the samples in a fixed order, in double precision, with
/// dot products summed in a fixed order (four running sums, not the machine's vector width), so the same
/// inputs give the same weights on every machine. Every label weighs the same in the loss whatever its
/// count (class-balanced), so a class with a few dozen examples is not drowned by hundreds of harmless ones.
/// Chosen over nearest neighbours (which measured worse across authors, see the evaluation README) and over
/// anything bigger because it trains in seconds, a reviewer can read it, and the stance features need
/// weights of their own sign.
/// </summary>
public static class SafetyTrainer
{
    public const int Iterations = 400;

    private const double LearningRate = 0.8;
    private const double Momentum = 0.9;

    /// <summary>One training row: its inputs (embedding, then whatever features follow it) and its label.</summary>
    public sealed record Sample(double[] Inputs, int Label);

    public static (double[][] Weights, double[] Bias) Fit(IReadOnlyList<Sample> samples, int labels, double lambda, int iterations = Iterations)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples to train on", nameof(samples));
        }

        var inputs = samples[0].Inputs.Length;
        var w = Matrix(labels, inputs);
        var vw = Matrix(labels, inputs);
        var gw = Matrix(labels, inputs);
        var look = Matrix(labels, inputs);
        var b = new double[labels];
        var vb = new double[labels];
        var gb = new double[labels];
        var counts = new int[labels];
        foreach (var s in samples)
        {
            counts[s.Label]++;
        }

        var present = counts.Count(c => c > 0);
        var weightOf = counts.Select(c => c == 0 ? 0 : 1.0 / (present * c)).ToArray();
        var scores = new double[labels];
        for (var it = 0; it < iterations; it++)
        {
            // Nesterov: the gradient at the point momentum is about to carry us to.
            for (var k = 0; k < labels; k++)
            {
                for (var j = 0; j < inputs; j++)
                {
                    look[k][j] = w[k][j] + (Momentum * vw[k][j]);
                }

                Array.Clear(gw[k]);
            }

            Array.Clear(gb);
            foreach (var sample in samples)
            {
                var xi = sample.Inputs;
                for (var k = 0; k < labels; k++)
                {
                    scores[k] = b[k] + (Momentum * vb[k]) + Dot(look[k], xi);
                }

                var p = SafetyModelWeights.Softmax(scores);
                var weight = weightOf[sample.Label];
                for (var k = 0; k < labels; k++)
                {
                    var error = (p[k] - (k == sample.Label ? 1 : 0)) * weight;
                    AddScaled(gw[k], xi, error);
                    gb[k] += error;
                }
            }

            for (var k = 0; k < labels; k++)
            {
                var row = w[k];
                var v = vw[k];
                var g = gw[k];
                for (var j = 0; j < inputs; j++)
                {
                    var grad = g[j] + (lambda * (row[j] + (Momentum * v[j])));
                    v[j] = (Momentum * v[j]) - (LearningRate * grad);
                    row[j] += v[j];
                }

                vb[k] = (Momentum * vb[k]) - (LearningRate * gb[k]);
                b[k] += vb[k];
            }
        }

        return (w, b);
    }

    /// <summary>A dot product summed in four fixed lanes: the same result on every machine.</summary>
    public static double Dot(double[] a, double[] x)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var n = Math.Min(a.Length, x.Length);
        var j = 0;
        for (; j + 3 < n; j += 4)
        {
            s0 += a[j] * x[j];
            s1 += a[j + 1] * x[j + 1];
            s2 += a[j + 2] * x[j + 2];
            s3 += a[j + 3] * x[j + 3];
        }

        for (; j < n; j++)
        {
            s0 += a[j] * x[j];
        }

        return (s0 + s1) + (s2 + s3);
    }

    private static void AddScaled(double[] target, double[] x, double scale)
    {
        if (scale == 0)
        {
            return;
        }

        for (var j = 0; j < target.Length; j++)
        {
            target[j] += scale * x[j];
        }
    }

    private static double[][] Matrix(int rows, int columns)
    {
        var m = new double[rows][];
        for (var k = 0; k < rows; k++)
        {
            m[k] = new double[columns];
        }

        return m;
    }
}

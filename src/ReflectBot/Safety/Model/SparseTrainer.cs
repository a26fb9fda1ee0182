using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReflectBot.Safety.Model;

/// <summary>
/// A class-balanced logistic regression with L2 for sparse inputs where every present feature carries
/// the same value (the n-gram head), fitted by full-batch AdaGrad: each weight takes steps scaled by its
/// own gradient history, so an n-gram seen in a dozen messages learns as surely as one seen in every
/// message (plain gradient steps left the rare, telling ones near zero). A fixed number of steps, sums in
/// a fixed order, double precision: the same samples give the same weights on every machine. The per-weight
/// update is element-wise, so it runs on <see cref="Vector256{T}"/> where the machine has it with the same
/// operations in the same order (the square root is correctly rounded either way): bit for bit the scalar loop.
/// The per-sample sums over a message's n-grams stay scalar (a gather of a few dozen weights).
/// </summary>
public static class SparseTrainer
{
    private const double LearningRate = 0.1;

    /// <summary>One training row: the indices of its present features (ascending), the value each carries, its label.</summary>
    public sealed record Sample(int[] Indices, double Value, int Label);

    public static (double[][] Weights, double[] Bias) Fit(IReadOnlyList<Sample> samples, int labels, int inputs, double lambda, int iterations = SafetyTrainer.Iterations)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples to train on", nameof(samples));
        }

        var vector = SafetyTrainer.Vectorised;
        var w = Matrix(labels, inputs);
        var gw = Matrix(labels, inputs);
        var hw = Matrix(labels, inputs);
        var b = new double[labels];
        var gb = new double[labels];
        var hb = new double[labels];
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
            for (var k = 0; k < labels; k++)
            {
                Array.Clear(gw[k]);
            }

            Array.Clear(gb);
            foreach (var sample in samples)
            {
                for (var k = 0; k < labels; k++)
                {
                    double s = 0;
                    foreach (var j in sample.Indices)
                    {
                        s += w[k][j];
                    }

                    scores[k] = b[k] + (s * sample.Value);
                }

                var p = SafetyModelWeights.Softmax(scores);
                var weight = weightOf[sample.Label];
                for (var k = 0; k < labels; k++)
                {
                    var error = (p[k] - (k == sample.Label ? 1 : 0)) * weight;
                    var step = error * sample.Value;
                    foreach (var j in sample.Indices)
                    {
                        gw[k][j] += step;
                    }

                    gb[k] += error;
                }
            }

            for (var k = 0; k < labels; k++)
            {
                Step(w[k], gw[k], hw[k], lambda, vector);

                hb[k] += gb[k] * gb[k];
                if (hb[k] > 0)
                {
                    b[k] -= LearningRate * gb[k] / Math.Sqrt(hb[k]);
                }
            }
        }

        return (w, b);
    }

    /// <summary>One AdaGrad step of a weight row: grad = g + lambda w; h += grad²; w -= rate grad / √h where h &gt; 0.</summary>
    public static void Step(double[] row, double[] g, double[] h, double lambda, bool vectorised)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(h);
        var n = row.Length;
        if (g.Length < n || h.Length < n)
        {
            throw new ArgumentException("the rows differ in length", nameof(g));
        }

        var j = 0;
        if (vectorised)
        {
            ref var rw = ref MemoryMarshal.GetArrayDataReference(row);
            ref var rg = ref MemoryMarshal.GetArrayDataReference(g);
            ref var rh = ref MemoryMarshal.GetArrayDataReference(h);
            var l = Vector256.Create(lambda);
            var rate = Vector256.Create(LearningRate);
            for (; j + 3 < n; j += 4)
            {
                var wj = Vector256.LoadUnsafe(ref rw, (nuint)j);
                var grad = Vector256.Add(Vector256.LoadUnsafe(ref rg, (nuint)j), Vector256.Multiply(l, wj));
                var hj = Vector256.Add(Vector256.LoadUnsafe(ref rh, (nuint)j), Vector256.Multiply(grad, grad));
                hj.StoreUnsafe(ref rh, (nuint)j);
                var moved = Vector256.Subtract(wj, Vector256.Divide(Vector256.Multiply(rate, grad), Vector256.Sqrt(hj)));
                Vector256.ConditionalSelect(Vector256.GreaterThan(hj, Vector256<double>.Zero), moved, wj).StoreUnsafe(ref rw, (nuint)j);
            }
        }

        for (; j < n; j++)
        {
            var grad = g[j] + (lambda * row[j]);
            h[j] += grad * grad;
            if (h[j] > 0)
            {
                row[j] -= LearningRate * grad / Math.Sqrt(h[j]);
            }
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

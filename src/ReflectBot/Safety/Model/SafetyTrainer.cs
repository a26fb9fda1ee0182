using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
/// The hot loops run on <see cref="Vector256{T}"/> where the machine has it: a 256-bit vector of doubles is
/// exactly the four lanes the dot product always summed in, multiply then add per lane (never fused), and the
/// element-wise updates are the same operations in the same order, so the weights are bit for bit those of the
/// scalar loops (<see cref="Scalar"/>, kept as the reference and the fallback).
/// </summary>
public static class SafetyTrainer
{
    public const int Iterations = 400;

    private const double LearningRate = 0.8;
    private const double Momentum = 0.9;

    /// <summary>One training row: its inputs (embedding, then whatever features follow it) and its label.</summary>
    public sealed record Sample(double[] Inputs, int Label);

    /// <summary>
    /// The scalar loops only, whatever the machine has: the reference the vectorised path is tested against
    /// (<c>train-safety --scalar</c> measures the speed-up). Read once per call, set before training starts.
    /// </summary>
    public static bool Scalar { get; set; }

    /// <summary>Vector256 is accelerated on x64 only with AVX2; elsewhere (or with <see cref="Scalar"/>) the scalar loops run.</summary>
    public static bool Vectorised => !Scalar && Vector256.IsHardwareAccelerated;

    public static (double[][] Weights, double[] Bias) Fit(IReadOnlyList<Sample> samples, int labels, double lambda, int iterations = Iterations)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples to train on", nameof(samples));
        }

        var vector = Vectorised;
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
                Lookahead(look[k], w[k], vw[k], vector);
                Array.Clear(gw[k]);
            }

            Array.Clear(gb);
            foreach (var sample in samples)
            {
                var xi = sample.Inputs;
                for (var k = 0; k < labels; k++)
                {
                    scores[k] = b[k] + (Momentum * vb[k]) + (vector ? DotVector(look[k], xi) : DotScalar(look[k], xi));
                }

                var p = SafetyModelWeights.Softmax(scores);
                var weight = weightOf[sample.Label];
                for (var k = 0; k < labels; k++)
                {
                    var error = (p[k] - (k == sample.Label ? 1 : 0)) * weight;
                    AddScaled(gw[k], xi, error, vector);
                    gb[k] += error;
                }
            }

            for (var k = 0; k < labels; k++)
            {
                Step(w[k], vw[k], gw[k], lambda, vector);
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
        return Vectorised ? DotVector(a, x) : DotScalar(a, x);
    }

    /// <summary>The reference: four running sums over j mod 4, the tail into the first, combined pairwise.</summary>
    public static double DotScalar(double[] a, double[] x)
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

    /// <summary>
    /// The same sums on one <see cref="Vector256{T}"/>: lane i is s_i. Multiply and Add stay two roundings each
    /// (the JIT does not contract them into a fused multiply-add), so every lane is bit for bit its scalar sum.
    /// </summary>
    public static double DotVector(double[] a, double[] x)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        var n = Math.Min(a.Length, x.Length);
        ref var ra = ref MemoryMarshal.GetArrayDataReference(a);
        ref var rx = ref MemoryMarshal.GetArrayDataReference(x);
        var sums = Vector256<double>.Zero;
        var j = 0;
        for (; j + 3 < n; j += 4)
        {
            sums = Vector256.Add(sums, Vector256.Multiply(Vector256.LoadUnsafe(ref ra, (nuint)j), Vector256.LoadUnsafe(ref rx, (nuint)j)));
        }

        var s0 = sums.GetElement(0);
        for (; j < n; j++)
        {
            s0 += Unsafe.Add(ref ra, j) * Unsafe.Add(ref rx, j);
        }

        return (s0 + sums.GetElement(1)) + (sums.GetElement(2) + sums.GetElement(3));
    }

    /// <summary>target[j] += scale * x[j], element by element (no reordering to lose).</summary>
    public static void AddScaled(double[] target, double[] x, double scale, bool vectorised)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(x);
        if (scale == 0)
        {
            return;
        }

        var j = 0;
        if (vectorised && x.Length >= target.Length)
        {
            ref var rt = ref MemoryMarshal.GetArrayDataReference(target);
            ref var rx = ref MemoryMarshal.GetArrayDataReference(x);
            var s = Vector256.Create(scale);
            for (; j + 3 < target.Length; j += 4)
            {
                var t = Vector256.Add(Vector256.LoadUnsafe(ref rt, (nuint)j), Vector256.Multiply(s, Vector256.LoadUnsafe(ref rx, (nuint)j)));
                t.StoreUnsafe(ref rt, (nuint)j);
            }
        }

        for (; j < target.Length; j++)
        {
            target[j] += scale * x[j];
        }
    }

    /// <summary>Nesterov's look-ahead point: look[j] = w[j] + momentum * v[j].</summary>
    public static void Lookahead(double[] look, double[] w, double[] v, bool vectorised)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(v);
        var n = look.Length;
        if (w.Length < n || v.Length < n)
        {
            throw new ArgumentException("the rows differ in length", nameof(w));
        }

        var j = 0;
        if (vectorised)
        {
            ref var rl = ref MemoryMarshal.GetArrayDataReference(look);
            ref var rw = ref MemoryMarshal.GetArrayDataReference(w);
            ref var rv = ref MemoryMarshal.GetArrayDataReference(v);
            var m = Vector256.Create(Momentum);
            for (; j + 3 < n; j += 4)
            {
                Vector256.Add(Vector256.LoadUnsafe(ref rw, (nuint)j), Vector256.Multiply(m, Vector256.LoadUnsafe(ref rv, (nuint)j))).StoreUnsafe(ref rl, (nuint)j);
            }
        }

        for (; j < n; j++)
        {
            look[j] = w[j] + (Momentum * v[j]);
        }
    }

    /// <summary>One momentum step of a weight row: grad = g + lambda (w + momentum v); v = momentum v - rate grad; w += v.</summary>
    public static void Step(double[] row, double[] v, double[] g, double lambda, bool vectorised)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(g);
        var n = row.Length;
        if (v.Length < n || g.Length < n)
        {
            throw new ArgumentException("the rows differ in length", nameof(v));
        }

        var j = 0;
        if (vectorised)
        {
            ref var rw = ref MemoryMarshal.GetArrayDataReference(row);
            ref var rv = ref MemoryMarshal.GetArrayDataReference(v);
            ref var rg = ref MemoryMarshal.GetArrayDataReference(g);
            var m = Vector256.Create(Momentum);
            var rate = Vector256.Create(LearningRate);
            var l = Vector256.Create(lambda);
            for (; j + 3 < n; j += 4)
            {
                var wj = Vector256.LoadUnsafe(ref rw, (nuint)j);
                var vj = Vector256.LoadUnsafe(ref rv, (nuint)j);
                var grad = Vector256.Add(Vector256.LoadUnsafe(ref rg, (nuint)j), Vector256.Multiply(l, Vector256.Add(wj, Vector256.Multiply(m, vj))));
                vj = Vector256.Subtract(Vector256.Multiply(m, vj), Vector256.Multiply(rate, grad));
                vj.StoreUnsafe(ref rv, (nuint)j);
                Vector256.Add(wj, vj).StoreUnsafe(ref rw, (nuint)j);
            }
        }

        for (; j < n; j++)
        {
            var grad = g[j] + (lambda * (row[j] + (Momentum * v[j])));
            v[j] = (Momentum * v[j]) - (LearningRate * grad);
            row[j] += v[j];
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

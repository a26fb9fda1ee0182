using System.Runtime.Intrinsics;
using ReflectBot.Safety.Model;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// The trainers' Vector256 loops against their scalar reference: exactly equal (bit for bit, not within a
/// tolerance) on random data of odd lengths, so weights and out-of-fold probabilities do not depend on the machine.
/// (Vector256 runs in software where the machine lacks AVX2, with the same results, so these run everywhere.)
/// </summary>
public sealed class VectorisedTrainerTests
{
    private static readonly int[] Lengths = [0, 1, 3, 4, 5, 7, 13, 31, 387, 401];

    [Fact]
    public void TheVectorisedDotProductEqualsTheScalarOneBitForBit()
    {
        var random = new Random(12);
        foreach (var n in Lengths)
        {
            for (var trial = 0; trial < 50; trial++)
            {
                var a = Values(random, n);
                var x = Values(random, n + (trial % 3));
                Assert.Equal(Bits(SafetyTrainer.DotScalar(a, x)), Bits(SafetyTrainer.DotVector(a, x)));
            }
        }
    }

    [Fact]
    public void TheVectorisedDotProductIsNotAFusedMultiplyAdd()
    {
        // Lane 0 holds -(1 + 2^-29), then adds (1 + 2^-30)^2: 2^-60 when fused, 0 when the product is rounded first.
        var e = Math.Pow(2, -30);
        double[] a = [1, 0, 0, 0, 1 + e, 0, 0, 0];
        double[] x = [-(1 + (2 * e)), 0, 0, 0, 1 + e, 0, 0, 0];
        Assert.Equal(Math.Pow(2, -60), Math.FusedMultiplyAdd(1 + e, 1 + e, -(1 + (2 * e))));
        Assert.Equal(0.0, SafetyTrainer.DotScalar(a, x));
        Assert.Equal(0.0, SafetyTrainer.DotVector(a, x));
    }

    [Fact]
    public void TheVectorisedUpdatesEqualTheScalarOnesBitForBit()
    {
        var random = new Random(14);
        foreach (var n in Lengths)
        {
            var w = Values(random, n);
            var v = Values(random, n);
            var g = Values(random, n);
            var x = Values(random, n);
            var scale = random.NextDouble() - 0.5;

            var (addedScalar, addedVector) = (w.ToArray(), w.ToArray());
            SafetyTrainer.AddScaled(addedScalar, x, scale, vectorised: false);
            SafetyTrainer.AddScaled(addedVector, x, scale, vectorised: true);
            Assert.Equal(addedScalar.Select(Bits), addedVector.Select(Bits));

            var (lookScalar, lookVector) = (new double[n], new double[n]);
            SafetyTrainer.Lookahead(lookScalar, w, v, vectorised: false);
            SafetyTrainer.Lookahead(lookVector, w, v, vectorised: true);
            Assert.Equal(lookScalar.Select(Bits), lookVector.Select(Bits));

            var (rowScalar, velocityScalar, rowVector, velocityVector) = (w.ToArray(), v.ToArray(), w.ToArray(), v.ToArray());
            SafetyTrainer.Step(rowScalar, velocityScalar, g, 1e-4, vectorised: false);
            SafetyTrainer.Step(rowVector, velocityVector, g, 1e-4, vectorised: true);
            Assert.Equal(rowScalar.Select(Bits), rowVector.Select(Bits));
            Assert.Equal(velocityScalar.Select(Bits), velocityVector.Select(Bits));

            // AdaGrad: some gradients exactly zero where the weight is zero too, so the h > 0 guard is exercised.
            var sparseGradient = g.Select((value, j) => j % 3 == 0 ? 0 : value).ToArray();
            var sparseRow = w.Select((value, j) => j % 3 == 0 ? 0 : value).ToArray();
            var (adaRowScalar, historyScalar, adaRowVector, historyVector) = (sparseRow.ToArray(), new double[n], sparseRow.ToArray(), new double[n]);
            for (var step = 0; step < 3; step++)
            {
                SparseTrainer.Step(adaRowScalar, sparseGradient, historyScalar, 1e-4, vectorised: false);
                SparseTrainer.Step(adaRowVector, sparseGradient, historyVector, 1e-4, vectorised: true);
            }

            Assert.Equal(adaRowScalar.Select(Bits), adaRowVector.Select(Bits));
            Assert.Equal(historyScalar.Select(Bits), historyVector.Select(Bits));
            Assert.DoesNotContain(adaRowVector, double.IsNaN);
        }
    }

    [Fact]
    public void AFitOnTheVectorisedPathGivesTheScalarFitsWeightsBitForBit()
    {
        var random = new Random(16);
        var samples = Enumerable.Range(0, 40).Select(i => new SafetyTrainer.Sample(Values(random, 23), i % 3)).ToList();
        var sparse = Enumerable.Range(0, 40).Select(i => new SparseTrainer.Sample([.. Enumerable.Range(0, 17).Where(j => (i + j) % 4 == 0)], 0.5, i % 3)).ToList();

        var scalar = Fits(samples, sparse, scalar: true);
        var vector = Fits(samples, sparse, scalar: false);

        Assert.Equal(scalar.Dense.Weights.SelectMany(r => r).Select(Bits), vector.Dense.Weights.SelectMany(r => r).Select(Bits));
        Assert.Equal(scalar.Dense.Bias.Select(Bits), vector.Dense.Bias.Select(Bits));
        Assert.Equal(scalar.Sparse.Weights.SelectMany(r => r).Select(Bits), vector.Sparse.Weights.SelectMany(r => r).Select(Bits));
        Assert.Equal(scalar.Sparse.Bias.Select(Bits), vector.Sparse.Bias.Select(Bits));
        Assert.NotEqual(0.0, vector.Dense.Weights[0][0]);
    }

    private static ((double[][] Weights, double[] Bias) Dense, (double[][] Weights, double[] Bias) Sparse) Fits(List<SafetyTrainer.Sample> samples, List<SparseTrainer.Sample> sparse, bool scalar)
    {
        // Scalar is process-wide; this class's tests are the only ones that set it, and xunit runs a class's tests one at a time.
        var before = SafetyTrainer.Scalar;
        SafetyTrainer.Scalar = scalar;
        try
        {
            return (SafetyTrainer.Fit(samples, 3, 1e-3, iterations: 30), SparseTrainer.Fit(sparse, 3, 17, 1e-3, iterations: 30));
        }
        finally
        {
            SafetyTrainer.Scalar = before;
        }
    }

    private static double[] Values(Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)))];

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReflectBot.Benchmarks;

/// <summary>Runs N workers for a while and collects each turn's latency and errors.</summary>
public sealed record Measurement(int Turns, int Errors, double Seconds, double P50, double P95, double P99)
{
    public double TurnsPerSecond => Turns / Seconds;

    public static async Task<Measurement> RunAsync(int workers, TimeSpan duration, Func<int, long, Task<bool>> turn)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            for (long i = 0; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await turn(worker, i).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    ok = false;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return new Measurement(sorted.Length, errors, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
    }

    public override string ToString()
        => $"{TurnsPerSecond,8:F1} turns/s  p50 {P50,7:F1} ms  p95 {P95,7:F1} ms  p99 {P99,7:F1} ms  errors {Errors}/{Turns}";

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

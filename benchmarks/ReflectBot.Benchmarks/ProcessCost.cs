using System.Diagnostics;

namespace ReflectBot.Benchmarks;

/// <summary>Wall time and this process's CPU time of a piece of work, in milliseconds, and the same per item.</summary>
internal static class ProcessCost
{
    public static (double Wall, double Cpu) Measure(Process process, Action run)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(run);
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    public static (double Wall, double Cpu) Per((double Wall, double Cpu) total, int count) => (total.Wall / count, total.Cpu / count);
}

using System.Diagnostics;

namespace ReflectBot.Tests.Support;

/// <summary>
/// Starts the built bot as its own process with the given environment (a fresh data folder unless one is given) and
/// waits for it to refuse to start: its exit code and what it wrote. A host that starts instead is killed after
/// <see cref="Patience"/> and fails the test with <c>startedInstead</c>.
/// </summary>
public static class RefusedStart
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, string startedInstead)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReflectBot.dll"));
        start.Environment["Storage__DataPath"] = TempFolder.Create();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(startedInstead);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

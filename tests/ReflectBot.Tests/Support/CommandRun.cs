using System.Diagnostics;

namespace ReflectBot.Tests.Support;

/// <summary>
/// Runs one of the built bot's commands (<c>dotnet ReflectBot.dll chat</c>, ...) as its own process, in a fresh data
/// folder, with the given input on stdin, and waits for it to end: its exit code and what it wrote to each stream.
/// </summary>
public static class CommandRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <param name="workingDirectory">Where the command starts (the terminal chat saves exports under it); the build's folder by default.</param>
    /// <param name="dataPath">The bot's data folder, to run a second time on what a first run kept; a fresh one by default.</param>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> arguments, string input, string? workingDirectory = null, string? dataPath = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReflectBot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Storage__DataPath"] = dataPath ?? TempFolder.Create();

        // Started elsewhere, it still reads the build's appsettings.json.
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', arguments)}' did not end within {Patience.TotalSeconds} s of its input's end.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

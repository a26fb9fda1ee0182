using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ReflectBot.Tests.Deployment;

public sealed class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepoPaths.Of("Dockerfile"));

    [Fact]
    public void TheDockerfileBuildsInOneStageAndRunsTheAppInAnotherAsANonRootUserWithAHealthCheck()
    {
        var stages = Regex.Matches(Dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
        var runtime = Dockerfile[Dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        Assert.Matches(@"(?m)^USER\s+\$APP_UID\s*$", runtime);
        Assert.Matches(@"(?m)^HEALTHCHECK\b[\s\S]*?http://127\.0\.0\.1:8080/health", runtime);
        Assert.Matches(@"(?m)^EXPOSE\s+8080\s*$", runtime);
        Assert.Contains("Urls=http://+:8080", runtime, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ENTRYPOINT\s+\[""dotnet"",\s*""ReflectBot.dll""\]", runtime);
        Assert.Contains("COPY dialogs/ dialogs/", Dockerfile, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheImageBuildsWhereADockerEngineIsAvailable()
    {
        var (engine, why) = await RunAsync("docker", "info --format {{.ServerVersion}}", TimeSpan.FromSeconds(20));
        Skip.IfNot(engine == 0, $"No Docker engine here, so the image was not built: {why.Trim()}");

        var (exit, output) = await RunAsync("docker", $"build -t reflectbot-test:ci {RepoPaths.Root}", TimeSpan.FromMinutes(15));
        Assert.True(exit == 0, output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, TimeSpan timeout)
    {
        try
        {
            var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{file} {arguments} timed out after {timeout}");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"{file} is not installed ({ex.Message})");
        }
    }
}

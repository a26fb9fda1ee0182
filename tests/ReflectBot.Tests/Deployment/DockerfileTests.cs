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
        Assert.Equal(["node:22-bookworm-slim", "mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);
        var runtime = Dockerfile[Dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        Assert.Matches(@"(?m)^USER\s+\$APP_UID\s*$", runtime);
        Assert.Matches(@"(?m)^HEALTHCHECK\b[\s\S]*?http://127\.0\.0\.1:8080/health", runtime);
        Assert.Matches(@"(?m)^EXPOSE\s+8080\s*$", runtime);
        Assert.Contains("Urls=http://+:8080", runtime, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ENTRYPOINT\s+\[""dotnet"",\s*""ReflectBot.dll""\]", runtime);
        Assert.Contains("COPY dialogs/ dialogs/", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void TheImageCarriesTheWebChatBundleFromNpm()
    {
        // The bundle comes from package.json through npm in its own stage, lands where ReflectBot.csproj looks for it,
        // and the publish step fails if it is not in wwwroot/lib: a page without Web Chat cannot be built.
        Assert.Matches(@"(?m)^COPY package\.json package-lock\.json \.npmrc \./\s*$", Dockerfile);
        Assert.Matches(@"(?m)^RUN npm ci\b[\s\S]*?test -s node_modules/botframework-webchat/dist/webchat\.js", Dockerfile);
        Assert.Matches(@"(?m)^COPY --from=webchat \S*node_modules/botframework-webchat/dist/webchat\.js node_modules/botframework-webchat/dist/webchat\.js\s*$", Dockerfile);
        Assert.Contains("test -s /app/wwwroot/lib/webchat.js", Dockerfile, StringComparison.Ordinal);
        var csproj = File.ReadAllText(RepoPaths.Of("src", "ReflectBot", "ReflectBot.csproj"));
        Assert.Contains("$(RepositoryRoot)node_modules/botframework-webchat/dist/webchat.js", csproj, StringComparison.Ordinal);
        Assert.Contains("\"botframework-webchat\"", File.ReadAllText(RepoPaths.Of("package.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFileTheImageCopiesFromTheRepositoryExistsAndIsNotDockerIgnored()
    {
        var ignored = File.ReadAllLines(RepoPaths.Of(".dockerignore")).Select(l => l.Trim().Trim('*', '/')).Where(l => l.Length > 0).ToList();
        var sources = Regex.Matches(Dockerfile, @"(?m)^COPY\s+(?!--from)(.+)$")
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToList();
        Assert.Contains("package.json", sources);
        foreach (var source in sources)
        {
            var path = RepoPaths.Of(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"The Dockerfile copies {source}, which is not in the repository");
            Assert.DoesNotContain(ignored, i => source.TrimEnd('/') == i || source.StartsWith(i + "/", StringComparison.Ordinal));
        }
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

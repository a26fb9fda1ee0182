using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// Start-up loads every content file before it listens: a broken safety file stops it with the file named, and the
/// safety loader reports every broken part of the folder, in the order the parts are named.
/// </summary>
public sealed class ContentStartupTests
{
    [Fact]
    public void EveryBrokenSafetyPartIsReportedInTheOrderThePartsAreNamed()
    {
        var folder = ContentFolders.With(
            ("safety/replies.yaml", "this: is: not yaml: ["),
            ("safety/model.json", "{ not json"));
        var errors = new List<ContentError>();

        var (_, _, replies, weights) = SafetyContent.Load(folder, errors);

        Assert.Null(replies);
        Assert.Null(weights);
        var files = errors.Select(e => e.File.Replace('\\', '/')).ToList();
        Assert.Contains("safety/replies.yaml", files);
        Assert.Contains("safety/model.json", files);
        Assert.True(files.IndexOf("safety/replies.yaml") < files.IndexOf("safety/model.json"), string.Join(", ", files));
    }

    [Fact]
    public async Task TheHostWithABrokenSafetyFileRefusesToStartAndNamesIt()
    {
        var folder = ContentFolders.With(("safety/replies.yaml", "this: is: not yaml: ["));
        var (exitCode, stdout, stderr) = await RefusedStart.RunAsync(
            new Dictionary<string, string> { ["Urls"] = "http://127.0.0.1:0", ["Content__Path"] = folder },
            "The host started with a broken safety/replies.yaml instead of refusing.");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(nameof(ContentException), stderr, StringComparison.Ordinal);
        Assert.Contains("replies.yaml", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(AggregateException), stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);
    }
}

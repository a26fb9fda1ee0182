using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// Start-up loads the journeys and cards, the safety content and the measures side by side. A broken file must
/// still stop start-up with its own file, line and problem, exactly as when the parts loaded one after another.
/// </summary>
public sealed class ContentStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void ThePartsLoadSideBySide()
    {
        // The other part waits for the first to have started: run one after another, this would never finish.
        using var firstStarted = new ManualResetEventSlim();
        var otherSawFirst = false;
        var value = ContentStartup.LoadTogether(
            () =>
            {
                firstStarted.Set();
                return 42;
            },
            () =>
            {
                otherSawFirst = firstStarted.Wait(Patience);
                return "measures";
            });

        Assert.Equal(42, value);
        Assert.True(otherSawFirst);
    }

    [Fact]
    public void AFailingPartIsRethrownAsItselfNotWrapped()
    {
        var thrown = Assert.Throws<ContentException>(() => ContentStartup.LoadTogether(
            () => 1,
            () => throw new ContentException([new ContentError("safety/replies.yaml", 3, "a reply has no text")])));

        var error = Assert.Single(thrown.Errors);
        Assert.Equal("safety/replies.yaml", error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void WhenSeveralPartsFailTheFirstInTheOrderGivenIsReportedAndNoPartIsLeftRunning()
    {
        var slowPartFinished = false;
        var thrown = Assert.Throws<ContentException>(() => ContentStartup.LoadTogether<int>(
            () => throw new ContentException([new ContentError("journeys/broken.yaml", 1, "no steps")]),
            () => throw new ContentException([new ContentError("safety/lexicon.yaml", 7, "a pattern does not compile")]),
            () =>
            {
                Thread.Sleep(200);
                slowPartFinished = true;
                return "measures";
            }));

        Assert.Equal("journeys/broken.yaml", Assert.Single(thrown.Errors).File);
        Assert.True(slowPartFinished);
    }

    [Fact]
    public void TheSafetyPartsErrorsKeepTheirOrderWhenTheWeightsLoadBesideTheLexicon()
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

using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journal;

/// <summary>How people ask for the journal's export and for an edit, through the real host (web chat over HTTP).</summary>
public sealed class JournalPhrasingTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("can i export this to send to my therapist")]
    [InlineData("where is the file? i cant find my export")]
    [InlineData("How do I download my journal?")]
    public async Task AskingForTheExportInOwnWordsGivesTheDownloadLinks(string asked)
    {
        var bot = _host.Client();
        await bot.CheckInAsync(5, "fine", "something to bring to my session");

        var reply = Assert.Single(await bot.SayAsync(asked));
        var card = (JObject)Assert.Single(reply.Attachments).Content;
        Assert.Equal(ContentFolders.Say(JournalStrings.ExportTitle), card.Value<string>("title"));
        Assert.Equal(2, card["buttons"]!.Count());
    }

    [Fact]
    public async Task EditEntrySaysPlainlyEntriesCannotBeEditedAndWhatCanBeDone()
    {
        var bot = _host.Client();
        await bot.CheckInAsync(5, "fine", "the wrong thing");
        await bot.SayAsync("my journal");

        var text = await bot.ReadAsync("can i edit entry 1, it saved the wrong thing");
        Assert.Contains("can't be edited", text, StringComparison.Ordinal);
        Assert.Contains("\"delete entry 1\"", text, StringComparison.Ordinal);
        Assert.Contains("\"free write\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestTheScreenGivesTheGentleCheckIsStillAnsweredAfterIt()
    {
        // Round ten's screen gives these words the possible-risk check (model risk above its 0.73 threshold; the
        // evaluation README reports the none false alarms that threshold trades for recall). The check comes first;
        // the export the person asked for still follows.
        const string Asked = "where did it go? i dont see a file";
        var screen = _host.Services.GetRequiredService<SafetyScreen>();
        await screen.Model!.WaitReadyAsync();
        Assert.True(screen.Screen(Asked).Level == RiskLevel.Possible, "this test needs words the shipped screen gives the gentle check; after a retrain that reads them otherwise, pick a request it does");

        var bot = _host.Client();
        await bot.CheckInAsync(5, "fine", "something to bring to my session");
        var replies = await bot.SayAsync(Asked);
        var unsafeButton = _host.Services.GetRequiredService<SafetyContent>().Replies.UnsafeButton;
        Assert.Contains(unsafeButton, replies[0].SuggestedActions?.Actions.Select(a => a.Title) ?? []);
        Assert.False(Conversations.HasCrisisCard(replies));
        var card = (JObject)replies[^1].Attachments.Single().Content;
        Assert.Equal(ContentFolders.Say(JournalStrings.ExportTitle), card.Value<string>("title"));
    }
}

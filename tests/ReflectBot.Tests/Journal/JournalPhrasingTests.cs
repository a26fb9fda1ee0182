using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
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
    // Round ten's screen gives "where did it go? i dont see a file" the gentle possible-risk check (model risk above its
    // 0.73 threshold; the evaluation README, round ten, reports the none false alarms that threshold trades for recall),
    // and with nothing in progress the check is the whole answer: the export's own phrasing is tested with these words.
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
}

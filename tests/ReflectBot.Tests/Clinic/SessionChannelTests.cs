using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// The between-sessions commands from a clinician on Teams (channel msteams, recognised by the Entra object id
/// on a channel-token-authenticated activity) and from a clinician in the terminal chat.
/// </summary>
public sealed class SessionChannelTests : IDisposable
{
    private const string TeamsClinicianAad = "00000000-0000-4000-8000-00000000c1a1";
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    /// <summary>Where the terminal chat saves the files it is handed (notes), instead of exports/ under the test's folder.</summary>
    private readonly string _exports = Path.Combine(TempFolder.Create(), "exports");

    public SessionChannelTests()
        => _host = new ClinicHost(_time, settings: [("Clinic:ClinicianAadObjectIds:0", TeamsClinicianAad), ("Clinic:ClinicianUserKeys:2", "console/dr-terminal")]);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ATeamsClinicianGetsTheSummaryCardAndAnotherTeamsUserWithoutTheObjectIdIsToldOnlyClinicians()
    {
        var clinician = _host.TeamsUser("29:1clinician", "Dr Teams", TeamsClinicianAad);
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await client.CheckInAsync(5, "the move went fine");
        await client.ReadAsync("share entry 1");
        await client.ReadAsync("bring this to my session");

        var card = (JObject)Assert.Single((await clinician.SayAsync("summary for Sam")).SelectMany(r => r.Attachments ?? []), a => a.ContentType == SummaryCard.ContentType).Content;
        var text = string.Join("\n", card.SelectTokens("$..text"));
        Assert.Contains("the move went fine", text, StringComparison.Ordinal);
        Assert.Contains("their entry \"Daily check-in\"", text, StringComparison.Ordinal);
        Assert.Contains("Next session", await clinician.ReadAsync("next session for Sam on 30 Oct 2025 15:00"), StringComparison.Ordinal);

        var impostor = _host.TeamsUser("29:1other", "Not a clinician", "00000000-0000-4000-8000-0000000000ff");
        var reply = await impostor.SayAsync("summary for Sam");
        Assert.Empty(reply.SelectMany(r => r.Attachments ?? []));
        Assert.Contains(ContentFolders.Say(ClinicStrings.OnlyClinicians), BotClient.Read(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATerminalClinicianReadsTheSummaryAndGetsTheNotesAsFiles()
    {
        var code = await TerminalAsync("new client code");
        var match = System.Text.RegularExpressions.Regex.Match(code, "code is ([A-Z0-9]{8})");
        Assert.True(match.Success, code);
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(match.Groups[1].Value);
        await client.CheckInAsync(7, "a calmer week");
        await client.ReadAsync("share entry 1");

        var output = await TerminalAsync("summary for Sam\nexport summary for Sam\nreply to entry 1.1: Thanks, we'll pick this up.");
        Assert.Contains("Summary for Sam", output, StringComparison.Ordinal);
        Assert.Contains("a calmer week", output, StringComparison.Ordinal);
        Assert.Contains("[Mood chart for Sam, 1 scores", output, StringComparison.Ordinal);
        // The notes are saved where the clinician can open them, and the reply says where.
        var notes = Directory.GetFiles(_exports).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([".md", ".pdf"], notes.Select(Path.GetExtension));
        Assert.All(notes, file => Assert.Contains($"Saved: {file}", output, StringComparison.Ordinal));
        Assert.Contains("Saved. Sam will see it", output, StringComparison.Ordinal);
        Assert.Contains("left a note about your entry \"Daily check-in\": \"Thanks, we'll pick this up.\"", await client.ReadAsync("hello"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InWebChatTheSummaryCardsExportButtonPostsItsDataAsValueAndGetsTheExportLinksAsTypingWouldAndAnotherClinicianPostingItGetsNothing()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await client.CheckInAsync(5, "an ordinary week");
        await client.ReadAsync("share entry 1");

        var card = (JObject)Assert.Single((await clinician.SayAsync("summary for Sam")).SelectMany(r => r.Attachments ?? []), a => a.ContentType == SummaryCard.ContentType).Content;
        var data = (JObject)card.SelectTokens("$..actions[?(@.type == 'Action.Submit')].data").Single();

        // Web Chat posts an Action.Submit as a message with no text and the action's data as its value.
        var submitted = clinician.Message(null);
        submitted.Value = data.DeepClone();
        var export = Assert.Single((await clinician.SendAsync(submitted)).SelectMany(r => r.Attachments ?? []));
        var links = string.Join(" ", ((JObject)export.Content).SelectTokens("$.buttons[*].value"));
        Assert.Contains("/clinic/notes/", links, StringComparison.Ordinal);

        var other = _host.User(ClinicHost.ClinicianB, "Dr B");
        var refused = other.Message(null);
        refused.Value = data.DeepClone();
        var replies = await other.SendAsync(refused);
        Assert.Empty(replies.SelectMany(r => r.Attachments ?? []));
        Assert.DoesNotContain("/clinic/notes/", BotClient.Read(replies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClientReadsATerminalCliniciansNoteUnderTheCliniciansDisplayNameNotYou()
    {
        var code = await TerminalAsync("new client code", "Dr Lee");
        var match = System.Text.RegularExpressions.Regex.Match(code, "code is ([A-Z0-9]{8})");
        Assert.True(match.Success, code);
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(match.Groups[1].Value);
        await client.CheckInAsync(6, "steady");
        await client.ReadAsync("share entry 1");

        await TerminalAsync("reply to entry 1.1: Noted, thank you.", "Dr Lee");
        var note = await client.ReadAsync("hello");
        Assert.Contains("Dr Lee left a note", note, StringComparison.Ordinal);
        Assert.DoesNotContain("You left", note, StringComparison.Ordinal);
    }

    private async Task<string> TerminalAsync(string lines, string? name = null)
    {
        using var output = new StringWriter();
        await ConsoleChat.RunAsync(_host.Services, new StringReader(lines + "\n"), output, "dr-terminal", name, _exports);
        return output.ToString();
    }
}

using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// Per-client settings over HTTP: a clinician pauses a journey or the cards for one client and chooses the
/// questionnaires offered; the client is told once in plain words, can read their settings, and is held to them;
/// nobody else can read or change them, and they end with the link.
/// </summary>
public sealed class ClientSettingsTests : IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;
    private readonly BotClient _a;
    private readonly BotClient _sam;

    public ClientSettingsTests()
    {
        _host = new ClinicHost(_time);
        _a = _host.User(ClinicHost.ClinicianA, "Dr A");
        _sam = _host.User("client-sam", "Sam");
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task APausedJourneyAndPausedCardsAreToldToTheClientOnceAndHeldToUntilTurnedBackOn()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync());

        var saved = await _a.ReadAsync("turn off Daily check-in for Sam");
        Assert.Contains("Sam will be told what changed", saved, StringComparison.Ordinal);
        Assert.Contains("Paused journeys: Daily check-in.", saved, StringComparison.Ordinal);

        var told = await _sam.ReadAsync("hello");
        Assert.Contains("Dr A has paused \"Daily check-in\" for you for now.", told, StringComparison.Ordinal);
        Assert.DoesNotContain("has paused", await _sam.ReadAsync("hello"), StringComparison.Ordinal);

        var refused = await _sam.ReadAsync("check in");
        Assert.Contains("Dr A has paused \"Daily check-in\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("0 to 10", refused, StringComparison.Ordinal);

        await _a.ReadAsync("turn off cards for Sam");
        Assert.Contains("paused the learning cards", await _sam.ReadAsync("hello"), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ReflectBot.Cards.CardStrings.Paused, ("clinician", "Dr A")), await _sam.ReadAsync("learn"), StringComparison.Ordinal);

        var mine = await _sam.ReadAsync("my settings");
        Assert.Contains("What Dr A has set for you:", mine, StringComparison.Ordinal);
        Assert.Contains("Paused journeys: Daily check-in.", mine, StringComparison.Ordinal);
        Assert.Contains("The learning cards are paused.", mine, StringComparison.Ordinal);
        Assert.Contains("Every questionnaire is offered.", mine, StringComparison.Ordinal);

        // Someone else, not a client, is not held to Sam's settings.
        var other = _host.User("someone-else", "Kim");
        Assert.DoesNotContain("paused", await other.ReadAsync("check in"), StringComparison.Ordinal);

        await _a.ReadAsync("turn on Daily check-in for Sam");
        Assert.Contains("Dr A has turned \"Daily check-in\" back on for you.", await _sam.ReadAsync("hello"), StringComparison.Ordinal);
        var started = await _sam.ReadAsync("check in");
        Assert.DoesNotContain("paused", started, StringComparison.Ordinal);
        Assert.Contains("0 to 10", started, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClinicianChoosesWhichQuestionnairesAreOfferedAndAnUnknownOneIsNamedBack()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync());
        Assert.Contains("Questionnaires offered: GAD-7 check-in.", await _a.ReadAsync("measures for Sam: GAD-7"), StringComparison.Ordinal);
        Assert.Contains("changed the questionnaires you're offered: now GAD-7 check-in.", await _sam.ReadAsync("hello"), StringComparison.Ordinal);
        Assert.Contains("hasn't offered you \"PHQ-9", await _sam.ReadAsync("phq-9"), StringComparison.Ordinal);
        Assert.DoesNotContain("hasn't offered", await _sam.ReadAsync("gad-7"), StringComparison.Ordinal);
        await _sam.ReadAsync("cancel");

        Assert.Contains("I don't know the questionnaire \"bogus-12\"", await _a.ReadAsync("measures for Sam: bogus-12"), StringComparison.Ordinal);
        Assert.Contains("No questionnaires are offered for now.", await _a.ReadAsync("measures for Sam: none"), StringComparison.Ordinal);
        Assert.Contains("hasn't offered you \"GAD-7", await _sam.ReadAsync("gad-7"), StringComparison.Ordinal);
        Assert.Contains("Every questionnaire is offered.", await _a.ReadAsync("measures for Sam: all"), StringComparison.Ordinal);
        Assert.DoesNotContain("hasn't offered", await _sam.ReadAsync("phq-9"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherClinicianAClientAndAStrangerCanNeitherReadNorChangeAClientsSettingsAndTheyEndWithTheLink()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync());
        await _a.ReadAsync("turn off Daily check-in for Sam");
        await _sam.ReadAsync("hello");

        // Clinician B, not linked to Sam.
        var b = _host.User(ClinicHost.ClinicianB, "Dr B");
        var noSuch = ContentFolders.Say(SessionStrings.NoSuchClient, ("name", "Sam"));
        Assert.Equal(noSuch, await b.ReadAsync("settings for Sam"));
        Assert.Equal(noSuch, await b.ReadAsync("turn off cards for Sam"));
        Assert.Equal(noSuch, await b.ReadAsync("measures for Sam: none"));
        Assert.DoesNotContain("paused", await _sam.ReadAsync("hello"), StringComparison.Ordinal);
        Assert.DoesNotContain("paused", await _sam.ReadAsync("learn"), StringComparison.Ordinal);

        // A client and a stranger: only clinicians, and nothing of Sam's settings.
        var robin = _host.User("client-robin", "Robin");
        await robin.ConnectAsync(await _a.NewCodeAsync());
        var stranger = _host.User("stranger", "Nobody");
        foreach (var user in new[] { robin, stranger })
        {
            foreach (var command in new[] { "settings for Sam", "turn on Daily check-in for Sam", "measures for Sam: all" })
            {
                var said = await user.ReadAsync(command);
                Assert.Contains(ContentFolders.Say(ClinicStrings.OnlyClinicians), said, StringComparison.Ordinal);
                Assert.DoesNotContain("Paused", said, StringComparison.Ordinal);
            }
        }

        // Words that are nobody's setting are not taken for one.
        Assert.DoesNotContain(ContentFolders.Say(ClinicStrings.OnlyClinicians), await stranger.ReadAsync("turn off the lights for a bit"), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(ClinicStrings.NoClinician), await stranger.ReadAsync("my settings"), StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(SettingsStrings.NothingSet), await robin.ReadAsync("my settings"), StringComparison.Ordinal);

        // The link ends: the settings go with it and no longer hold.
        await _sam.ReadAsync("disconnect");
        Assert.Null(await _host.Get<ClientSettingsRecords>().OfLinkAsync(_sam.Key, _a.Key));
        Assert.DoesNotContain("paused", await _sam.ReadAsync("check in"), StringComparison.Ordinal);
        Assert.Equal(noSuch, await _a.ReadAsync("settings for Sam"));
    }
}

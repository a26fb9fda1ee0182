using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// The optional, content-free note to a linked clinician after a crisis reply: off by default, on only with
/// the clinician's setting and the client's explicit yes when connecting, and sent through the real
/// proactive path (a connector stand-in on 127.0.0.1 plays the clinician's channel).
/// </summary>
public sealed class SafetyNotesTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;
    private ConnectorStandIn _connector = null!;

    public SafetyNotesTests() => _host = new ClinicHost(_time);

    public async Task InitializeAsync() => _connector = await ConnectorStandIn.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task WithTheClinicianOnAndTheClientsYesTheClinicianGetsATimeOnlyNoteAndTheClientIsToldSo()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", serviceUrl: _connector.Url);
        Assert.Contains("Safety notes are on", await clinician.ReadAsync("safety notes on"), StringComparison.Ordinal);
        var client = _host.User("client-1", "Sam");
        await client.ReadAsync($"connect {await clinician.NewCodeAsync()}");
        await client.ReadAsync("yes");
        await client.ReadAsync("yes");
        await client.ReadAsync("no");
        var question = await client.ReadAsync("no");
        Assert.Contains("a safety check happened at 14:02; nothing else is shared", question, StringComparison.Ordinal);
        Assert.Contains("Nobody monitors this in real time", question, StringComparison.Ordinal);
        Assert.Contains("a note (time only) after crisis support", await client.ReadAsync("yes"), StringComparison.Ordinal);

        var reply = await client.ReadAsync("I want to die");
        Assert.Contains("Dr A gets a short note that a safety check happened", reply, StringComparison.Ordinal);
        Assert.Contains("Nobody watches this in real time", reply, StringComparison.Ordinal);

        var (_, note) = Assert.Single(_connector.Posts);
        Assert.Contains("A safety check happened with Sam at 09:00 UTC", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("die", note.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ANoteToAClinicianWhoseChannelIsSlowerThanAStorageReadStillArrivesAsTheNote()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", serviceUrl: _connector.Url);
        await clinician.ReadAsync("safety notes on");
        var client = _host.User("client-1", "Sam");
        await client.ReadAsync($"connect {await clinician.NewCodeAsync()}");
        foreach (var answer in new[] { "yes", "yes", "no", "no", "yes" })
        {
            await client.ReadAsync(answer);
        }

        // Longer than the crisis reply's storage bound (Safety:StorageWait, 2 s): the note must not be cut off by it.
        _connector.Delay = TimeSpan.FromSeconds(3);
        Assert.Contains("Dr A gets a short note that a safety check happened", await client.ReadAsync("I want to die"), StringComparison.Ordinal);

        var (_, note) = Assert.Single(_connector.Posts);
        Assert.Contains("A safety check happened with Sam at", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByDefaultNobodyIsNotifiedAndTheClientIsNotAsked()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", serviceUrl: _connector.Url);
        await clinician.ReadAsync("hello");
        var client = _host.User("client-1", "Sam");
        var done = await client.ConnectAsync(await clinician.NewCodeAsync());
        Assert.DoesNotContain("safety check", done, StringComparison.Ordinal);

        var reply = await client.ReadAsync("I want to die");
        Assert.Contains(_host.Get<SafetyContent>().Replies.NotifiedNobody, reply, StringComparison.Ordinal);
        Assert.Empty(_connector.Posts);
    }

    [Fact]
    public async Task AClientWhoSaidNoIsNeverTheSubjectOfANote()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", serviceUrl: _connector.Url);
        await clinician.ReadAsync("safety notes on");
        var client = _host.User("client-1", "Sam");
        await client.ReadAsync($"connect {await clinician.NewCodeAsync()}");
        foreach (var answer in new[] { "yes", "yes", "yes", "yes", "no", "no" })
        {
            await client.ReadAsync(answer);
        }

        Assert.Contains(_host.Get<SafetyContent>().Replies.NotifiedNobody, await client.ReadAsync("I want to die"), StringComparison.Ordinal);
        Assert.Empty(_connector.Posts);
    }

    [Fact]
    public async Task OnlyAClinicianCanTurnSafetyNotesOn()
        => Assert.Contains(ContentFolders.Say(ClinicStrings.OnlyClinicians), await _host.User("client-1", "Sam").ReadAsync("safety notes on"), StringComparison.Ordinal);
}

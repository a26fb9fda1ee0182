using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Safety;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// The authorization matrix: clinician A and B, a client linked to A with full consent, one linked to B with
/// none, one not linked; unshared entries; disconnecting. Asserted through ClinicianReads (where every read
/// goes) and through what the clinicians are shown.
/// </summary>
public sealed class AuthorizationTests : IDisposable
{
    private const string SharedText = "I talked to my sister";
    private const string PrivateText = "something I keep to myself";
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;
    private readonly BotClient _a;
    private readonly BotClient _b;
    private readonly BotClient _sam;
    private readonly BotClient _kim;
    private readonly BotClient _lee;

    public AuthorizationTests()
    {
        _host = new ClinicHost(_time);
        _a = _host.User(ClinicHost.ClinicianA, "Dr A");
        _b = _host.User(ClinicHost.ClinicianB, "Dr B");
        _sam = _host.User("sam", "Sam");
        _kim = _host.User("kim", "Kim");
        _lee = _host.User("lee", "Lee");
    }

    public void Dispose() => _host.Dispose();

    private ClinicianReads Reads => _host.Get<ClinicianReads>();

    private async Task ArrangeAsync()
    {
        await _sam.ConnectAsync(await _a.NewCodeAsync(), completion: true, mood: true, shared: true);
        await _kim.ConnectAsync(await _b.NewCodeAsync(), completion: false, mood: false, shared: false);
        await _sam.CheckInAsync(3, PrivateText);
        _time.Advance(TimeSpan.FromHours(1));
        await _sam.CheckInAsync(6, SharedText);
        await _kim.CheckInAsync(5, "kim's words");
        await _lee.CheckInAsync(5, "lee's words");
        await _kim.SayAsync("share entry 1");
        await _lee.SayAsync("share entry 1");
        Assert.Contains("Shared \"Daily check-in\"", await _sam.ReadAsync("share entry 1"), StringComparison.Ordinal);

        // A safety event, recorded by the safety feature's own store.
        await _host.Get<SafetyEventStore>().RecordAsync(new SafetyEvent { Id = "event-1", TimeUtc = _time.GetUtcNow(), UserId = _sam.Key, Class = "suicidal", Offered = ["directory"] });
    }

    [Fact]
    public async Task EachClinicianSeesOnlyTheirLinkedClientsAndOnlyWhatEachConsentedTo()
    {
        await ArrangeAsync();

        Assert.Equal([_sam.Key], (await Reads.ClientsAsync(_a.Key)).Select(l => l.ClientId).ToArray());
        Assert.Equal([_kim.Key], (await Reads.ClientsAsync(_b.Key)).Select(l => l.ClientId).ToArray());

        // A on Sam: everything consented; only the shared entry.
        var shared = Assert.Single((await Reads.SharedEntriesAsync(_a.Key, _sam.Key))!);
        Assert.Equal(SharedText, shared.Answers["on-mind"]);
        Assert.NotNull(await Reads.MoodAsync(_a.Key, _sam.Key));
        Assert.Equal(1, await Reads.SafetyCountAsync(_a.Key, _sam.Key));

        // B on Kim: linked, nothing consented, although Kim marked an entry as shared.
        Assert.Null(await Reads.CompletionAsync(_b.Key, _kim.Key));
        Assert.Null(await Reads.MoodAsync(_b.Key, _kim.Key));
        Assert.Null(await Reads.SafetyCountAsync(_b.Key, _kim.Key));
        Assert.Null(await Reads.SharedEntriesAsync(_b.Key, _kim.Key));

        // Across: A on Kim, B on Sam, either on Lee (not linked, but did mark an entry as shared).
        foreach (var (clinician, client) in new[] { (_a, _kim), (_b, _sam), (_a, _lee), (_b, _lee) })
        {
            Assert.Null(await Reads.AuthorizeAsync(clinician.Key, client.Key, null));
            Assert.Null(await Reads.CompletionAsync(clinician.Key, client.Key));
            Assert.Null(await Reads.MoodAsync(clinician.Key, client.Key));
            Assert.Null(await Reads.ScoresAsync(clinician.Key, client.Key));
            Assert.Null(await Reads.SafetyCountAsync(clinician.Key, client.Key));
            Assert.Null(await Reads.SharedEntriesAsync(clinician.Key, client.Key));
            Assert.Null(await Reads.AssignmentsAsync(clinician.Key, client.Key));
        }
    }

    [Fact]
    public async Task WhatClinicianAAndBAreShownLeaksNothingElse()
    {
        await ArrangeAsync();

        var seenByA = BotClient.Read(await _a.SayAsync("clients")) + await _a.ReadAsync("open entry 1.1") + await _a.ReadAsync("open entry 1.2") + await _a.ReadAsync("open entry 2.1");
        Assert.Contains(SharedText, seenByA, StringComparison.Ordinal);
        Assert.Contains("Safety support shown: 1 time", seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateText, seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain("crisis", seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim", seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain("kim's words", seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain("Lee", seenByA, StringComparison.Ordinal);

        var repliesToB = await _b.SayAsync("clients");
        var seenByB = BotClient.Read(repliesToB) + await _b.ReadAsync("open entry 1.1");
        Assert.Contains("Kim", seenByB, StringComparison.Ordinal);
        Assert.Contains("Completion: not shared.", seenByB, StringComparison.Ordinal);
        Assert.Contains("Mood: not shared.", seenByB, StringComparison.Ordinal);
        Assert.Contains("Shared entries: not allowed.", seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain("kim's words", seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain(SharedText, seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain(repliesToB, r => r.Attachments?.Count > 0);
    }

    [Fact]
    public async Task UnsharingAnEntryOrDisconnectingTakesAccessAwayAtOnce()
    {
        await ArrangeAsync();
        await _sam.SayAsync("unshare entry 1");
        Assert.Empty((await Reads.SharedEntriesAsync(_a.Key, _sam.Key))!);
        await _sam.SayAsync("share entry 1");
        Assert.Single((await Reads.SharedEntriesAsync(_a.Key, _sam.Key))!);

        await _sam.SayAsync("disconnect");
        Assert.Empty(await Reads.ClientsAsync(_a.Key));
        Assert.Null(await Reads.SharedEntriesAsync(_a.Key, _sam.Key));
        Assert.Null(await Reads.MoodAsync(_a.Key, _sam.Key));
        Assert.Null(await Reads.CompletionAsync(_a.Key, _sam.Key));
        var seen = BotClient.Read(await _a.SayAsync("clients")) + await _a.ReadAsync("open entry 1.1");
        Assert.DoesNotContain(SharedText, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClinicianCannotAssignToOrCancelForAClientWhoIsNotTheirs()
    {
        await ArrangeAsync();
        await AssignTests.AssignAsync(_a, "Sam", "Daily check-in", "every day at 7pm");
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(_sam.Key));

        Assert.Contains("couldn't find", await _b.ReadAsync($"cancel assignment {assignment.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", await _b.ReadAsync("assignments"), StringComparison.Ordinal);
        Assert.Contains("Which client", await _b.ReadAsync("assign"), StringComparison.Ordinal);
        Assert.Contains("Please pick one", await _b.ReadAsync("Sam"), StringComparison.Ordinal);
        Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(_sam.Key));
    }
}

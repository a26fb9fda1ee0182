using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Clinic;

/// <summary>Join codes, consent per scope, "my clinician", "disconnect": the linking paths through the real host.</summary>
public sealed class LinkingTests : IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public LinkingTests() => _host = new ClinicHost(_time);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AClientSeesWhoTheClinicianIsAndWhatWouldBeSharedThenChoosesPerScope()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr Ana Reyes");
        var client = _host.User("client-1", "Sam");
        var code = await clinician.NewCodeAsync();
        Assert.Equal(JoinCodes.Length, code.Length);
        Assert.DoesNotMatch("[01OIL]", code);

        var intro = await client.ReadAsync($"connect {code.ToLowerInvariant()}");
        Assert.Contains("Dr Ana Reyes", intro, StringComparison.Ordinal);
        Assert.Contains("Completion", intro, StringComparison.Ordinal);
        Assert.Contains("never what you wrote", intro, StringComparison.Ordinal);
        Assert.Contains("share entry", intro, StringComparison.Ordinal);

        Assert.Contains("complete the reflections", await client.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.Contains("mood", await client.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.Contains("journal entries", await client.ReadAsync("no"), StringComparison.Ordinal);
        var done = await client.ReadAsync("no");
        Assert.Contains("connected with Dr Ana Reyes: completion shared, mood scores not shared, entries you mark not shared", done, StringComparison.Ordinal);

        var link = await _host.Get<ClinicLinks>().FindAsync(client.Key, clinician.Key);
        Assert.NotNull(link);
        Assert.True(link.Consent.Completion);
        Assert.False(link.Consent.Mood);
        Assert.False(link.Consent.SharedEntries);
        Assert.Contains("completion shared, mood scores not shared", await client.ReadAsync("my clinician"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SayingNoToConnectingLinksNothingAndLeavesTheCodeUnused()
    {
        var code = await _host.User(ClinicHost.ClinicianA, "Dr A").NewCodeAsync();
        var client = _host.User("client-1", "Sam");
        await client.SayAsync($"connect {code}");
        Assert.Contains("haven't connected", await client.ReadAsync("no"), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ClinicLinks>().OfClientAsync(client.Key));
        Assert.Contains("Connect with", await client.ReadAsync($"connect {code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentCanBeChangedLaterAndEachClinicianHasTheirOwn()
    {
        var a = _host.User(ClinicHost.ClinicianA, "Dr A");
        var b = _host.User(ClinicHost.ClinicianB, "Dr B");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await a.NewCodeAsync(), completion: true, mood: true, shared: true);
        _time.Advance(TimeSpan.FromMinutes(5));
        await client.ConnectAsync(await b.NewCodeAsync(), completion: false, mood: false, shared: false);

        var mine = await client.ReadAsync("my clinician");
        Assert.Contains("1. Dr A", mine, StringComparison.Ordinal);
        Assert.Contains("2. Dr B", mine, StringComparison.Ordinal);

        await client.SayAsync("change sharing 1");
        await client.SayAsync("no");
        await client.SayAsync("yes");
        Assert.Contains("may Dr A see your answer to each question", await client.ReadAsync("no"), StringComparison.Ordinal);
        Assert.Contains("Updated. With Dr A: completion not shared, mood scores shared, entries you mark not shared", await client.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.True((await _host.Get<ClinicLinks>().FindAsync(client.Key, a.Key))!.Consent.MeasureAnswers);

        var links = _host.Get<ClinicLinks>();
        Assert.False((await links.FindAsync(client.Key, a.Key))!.Consent.Completion);
        Assert.False((await links.FindAsync(client.Key, b.Key))!.Consent.Mood);
    }

    [Fact]
    public async Task NobodyBecomesAClinicianByTypingSomething()
    {
        var client = _host.User("client-1", "Sam");
        Assert.Equal(ContentFolders.Say(ClinicStrings.OnlyClinicians), await client.ReadAsync("new client code"));
        Assert.Equal(ContentFolders.Say(ClinicStrings.OnlyClinicians), await client.ReadAsync("clients"));
        Assert.Equal(ContentFolders.Say(ClinicStrings.OnlyClinicians), await client.ReadAsync("assign"));
        Assert.Empty(await ListAsync("codes"));
    }

    [Fact]
    public async Task WrongExpiredUsedAndRevokedCodesEachGetAClearMessage()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var first = _host.User("client-1", "Sam");
        var second = _host.User("client-2", "Kim");

        Assert.Contains("don't recognise that code", await first.ReadAsync("connect ABCDEF"), StringComparison.Ordinal);

        var used = await clinician.NewCodeAsync();
        await first.ConnectAsync(used);
        Assert.Contains("already been used", await second.ReadAsync($"connect {used}"), StringComparison.Ordinal);

        var revoked = await clinician.NewCodeAsync();
        Assert.Contains("Revoked", await clinician.ReadAsync($"revoke code {revoked}"), StringComparison.Ordinal);
        Assert.Contains("cancelled by the clinician", await second.ReadAsync($"connect {revoked}"), StringComparison.Ordinal);

        var expiring = await clinician.NewCodeAsync();
        _time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        Assert.Contains("has expired", await second.ReadAsync($"connect {expiring}"), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ClinicLinks>().OfClientAsync(second.Key));
    }

    [Fact]
    public async Task ACodeRevokedWhileTheClientIsAnsweringDoesNotLink()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        var code = await clinician.NewCodeAsync();
        await client.SayAsync($"connect {code}");
        await client.SayAsync("yes");
        await clinician.SayAsync($"revoke code {code}");
        await client.SayAsync("yes");
        await client.SayAsync("yes");
        await client.SayAsync("yes");
        Assert.Contains("cancelled by the clinician", await client.ReadAsync("no"), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<ClinicLinks>().OfClientAsync(client.Key));
    }

    [Fact]
    public async Task RepeatedWrongCodesAreRefusedForAWhileEvenWhenTheNextOneIsRight()
    {
        var good = await _host.User(ClinicHost.ClinicianA, "Dr A").NewCodeAsync();
        var client = _host.User("client-1", "Sam");
        foreach (var wrong in new[] { "AAAAAAAA", "BBBBBBBB", "CCCCCCCC", "DDDDDDDD", "EEEEEEEE" })
        {
            Assert.Contains("don't recognise", await client.ReadAsync($"connect {wrong}"), StringComparison.Ordinal);
        }

        Assert.Contains("too many codes", await client.ReadAsync($"connect {good}"), StringComparison.Ordinal);

        // Another user is not affected.
        Assert.Contains("Connect with", await _host.User("client-2", "Kim").ReadAsync($"connect {good}"), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Contains("Connect with", await client.ReadAsync($"connect {good}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisconnectEndsTheLinkAndTheClinicianAssignmentsAtOnce()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, "Sam", "Daily check-in", "every day at 7pm");

        Assert.Contains("disconnected from Dr A", await client.ReadAsync("disconnect"), StringComparison.Ordinal);
        Assert.Null(await _host.Get<ClinicLinks>().FindAsync(client.Key, clinician.Key));
        Assert.Empty(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));
        Assert.Contains("no connected clients", await clinician.ReadAsync("clients"), StringComparison.Ordinal);
    }

    private async Task<List<string>> ListAsync(string folder)
    {
        var keys = new List<string>();
        await foreach (var key in _host.Get<ClinicStore>().ListAsync(folder))
        {
            keys.Add(key);
        }

        return keys;
    }
}

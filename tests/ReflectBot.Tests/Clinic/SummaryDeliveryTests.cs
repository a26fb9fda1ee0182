using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// The summary before the next session, sent by the scheduler's round through the real proactive path (CloudAdapter
/// posting to a connector stand-in on 127.0.0.1): in the lead time, outside quiet hours, exactly once.
/// </summary>
public sealed class SummaryDeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;
    private ConnectorStandIn _connector = null!;

    public SummaryDeliveryTests() => _host = new ClinicHost(_time);

    public async Task InitializeAsync() => _connector = await ConnectorStandIn.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TheSummaryIsSentOnceTheDayBeforeTheSessionButNotInQuietHours()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", serviceUrl: _connector.Url);
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await client.CheckInAsync(5, "a quiet week");
        await client.ReadAsync("share entry 1");

        // Thursday 23 October, 10:00 in London (09:00 UTC).
        Assert.Contains("Next session with Sam", await clinician.ReadAsync("next session for Sam on 23 Oct 2025 10:00"), StringComparison.Ordinal);
        var due = _host.Get<IEnumerable<IDueDelivery>>().Single(d => d is SummaryDelivery);

        Assert.Equal(0, (await _host.RoundAsync()).Sent);
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 22, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await due.DeliverDueAsync(_time.GetUtcNow()));
        Assert.Empty(_connector.Posts);

        // 08:30 in London: out of quiet hours. Two rounds at once (as two instances would) send it once.
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 23, 7, 30, 0, TimeSpan.Zero));
        var both = await Task.WhenAll(due.DeliverDueAsync(_time.GetUtcNow()), due.DeliverDueAsync(_time.GetUtcNow()));
        Assert.Equal(1, both.Sum());
        Assert.Equal(0, (await _host.RoundAsync()).Sent);

        var (conversation, activity) = Assert.Single(_connector.Posts);
        Assert.Equal($"conv-{ClinicHost.ClinicianA}", conversation);
        Assert.Contains("Your session with Sam is at Thu 23 Oct 2025 10:00", activity.Text, StringComparison.Ordinal);
        var card = (JObject)Assert.Single(activity.Attachments, a => a.ContentType == SummaryCard.ContentType).Content;
        Assert.Contains("a quiet week", string.Join("\n", card.SelectTokens("$..text")), StringComparison.Ordinal);
    }
}

using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels;
using ReflectBot.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// Delivery of due assignments through the real proactive path: CloudAdapter continues the stored
/// conversation and posts to its serviceUrl, here a connector stand-in on 127.0.0.1.
/// </summary>
public sealed class DeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private ConnectorStandIn _connector = null!;
    private readonly ClinicHost _host;

    public DeliveryTests() => _host = new ClinicHost(_time);

    public async Task InitializeAsync() => _connector = await ConnectorStandIn.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose() => _host.Dispose();

    private async Task<(BotClient Clinician, BotClient Client, Assignment Assignment)> AssignedAsync(string when, string clientId = "client-1", string zone = "Europe/London")
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User(clientId, clientId, timeZone: zone, serviceUrl: _connector.Url);
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, clientId, "Daily check-in", when, note: "Just a few minutes");
        return (clinician, client, Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key)));
    }

    [Fact]
    public async Task ADueAssignmentIsPostedOnceToTheClientsConversationWithAStartButton()
    {
        var (_, _, assignment) = await AssignedAsync("every Monday and Thursday at 7pm until 20 December");

        Assert.Equal(0, (await _host.RoundAsync()).Sent);
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 20, 18, 1, 0, TimeSpan.Zero));
        Assert.Equal(new DeliveryRound(true, 1, 0), await _host.RoundAsync());
        Assert.Equal(0, (await _host.RoundAsync()).Sent);

        var (conversation, activity) = Assert.Single(_connector.Posts);
        Assert.Equal("conv-client-1", conversation);
        var card = (JObject)Assert.Single(activity.Attachments).Content;
        Assert.Contains("Dr A asked you to take a few minutes for \"Daily check-in\"", card.Value<string>("text"), StringComparison.Ordinal);
        Assert.Contains("Just a few minutes", card.Value<string>("text"), StringComparison.Ordinal);
        Assert.Equal($"start assignment {assignment.Id}", card["buttons"]![0]!.Value<string>("value"));

        var mark = await _host.Get<Assignments>().OccurrenceAsync(assignment.Id, new DateTimeOffset(2025, 10, 20, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(OccurrenceState.Sent, mark!.Value.State);
        Assert.Equal(1, mark.Value.Attempts);
    }

    [Fact]
    public async Task QuietHoursHoldADeliveryUntilMorningInTheClientsZone()
    {
        await AssignedAsync("every day at 10pm");

        // 22:00 BST is 21:00 UTC: inside quiet hours (22:00-08:00 local).
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 20, 21, 1, 0, TimeSpan.Zero));
        Assert.Equal(0, (await _host.RoundAsync()).Sent);
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 21, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await _host.RoundAsync()).Sent);

        // 08:01 BST.
        _time.SetUtcNow(new DateTimeOffset(2025, 10, 21, 7, 1, 0, TimeSpan.Zero));
        Assert.Equal(1, (await _host.RoundAsync()).Sent);
        Assert.Single(_connector.Posts);
    }

    [Fact]
    public async Task PausedRemindersAreNotSentButShownWhenTheClientNextWrites()
    {
        var (_, client, assignment) = await AssignedAsync("every day at 7pm");
        Assert.Contains("paused", await client.ReadAsync("pause reminders"), StringComparison.Ordinal);

        _time.SetUtcNow(new DateTimeOffset(2025, 10, 20, 18, 5, 0, TimeSpan.Zero));
        Assert.Equal(0, (await _host.RoundAsync()).Sent);
        Assert.Empty(_connector.Posts);

        var replies = await client.SayAsync("what can I do");
        Assert.Contains(replies, a => a.Attachments?.FirstOrDefault()?.Content is JObject card && card["buttons"]![0]!.Value<string>("value") == $"start assignment {assignment.Id}");

        // Shown once: neither the next message nor the scheduler brings it again.
        Assert.DoesNotContain("asked you to take", await client.ReadAsync("what can I do"), StringComparison.Ordinal);
        await client.SayAsync("resume reminders");
        Assert.Equal(0, (await _host.RoundAsync()).Sent);
        Assert.Empty(_connector.Posts);
    }

    [Fact]
    public async Task WithNoConversationToSendToTheAssignmentWaitsForTheClientsNextMessage()
    {
        var (_, client, assignment) = await AssignedAsync("every day at 7pm");
        Assert.True(await _host.Get<ConversationReferences>().DeleteAsync(client.Key));

        _time.SetUtcNow(new DateTimeOffset(2025, 10, 20, 18, 5, 0, TimeSpan.Zero));
        Assert.Equal(0, (await _host.RoundAsync()).Sent);

        var replies = await client.SayAsync("hello");
        Assert.Contains(replies, a => a.Attachments?.FirstOrDefault()?.Content is JObject card && card["buttons"]![0]!.Value<string>("value") == $"start assignment {assignment.Id}");
        var mark = await _host.Get<Assignments>().OccurrenceAsync(assignment.Id, new DateTimeOffset(2025, 10, 20, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(OccurrenceState.Sent, mark!.Value.State);
        Assert.Empty(_connector.Posts);
    }

    [Fact]
    public async Task TheBackgroundSchedulerDeliversOnItsOwnWhenTimeMoves()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        using var host = new ClinicHost(_time, scheduler: true);
        var clinician = host.User(ClinicHost.ClinicianA, "Dr A");
        var client = host.User("client-1", "client-1", serviceUrl: connector.Url);
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, "client-1", "Daily check-in", "every day at 7pm");

        _time.SetUtcNow(new DateTimeOffset(2025, 10, 20, 18, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 200 && connector.Posts.IsEmpty; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50);
        }

        Assert.Single(connector.Posts);
    }
}

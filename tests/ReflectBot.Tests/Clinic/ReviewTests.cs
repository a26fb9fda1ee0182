using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>Completion and missed marking, the clinician's review, the mood chart and measures.</summary>
public sealed class ReviewTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 10, 20, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday = new(2025, 10, 23, 18, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public ReviewTests() => _host = new ClinicHost(_time);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AnAssignedJourneyDoneFromItsButtonIsMarkedDoneAndOneNotDoneInTimeIsMarkedMissed()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, "Sam", "Daily check-in", "every Monday and Thursday at 7pm until 20 December");
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));

        _time.SetUtcNow(Monday.AddMinutes(30));
        await client.SayAsync($"start assignment {assignment.Id}");
        await client.SayAsync("6");
        await client.SayAsync("hopeful");
        await client.SayAsync("the week");
        var finish = await client.ReadAsync("yes");
        Assert.Contains("marked it as done, so Dr A can see", finish, StringComparison.Ordinal);
        Assert.Equal(OccurrenceState.Done, (await _host.Get<Assignments>().OccurrenceAsync(assignment.Id, Monday))!.Value.State);

        // Thursday's is never done: a day after it was due, the scheduler marks it missed.
        _time.SetUtcNow(Thursday.AddHours(23));
        Assert.Equal(0, (await _host.RoundAsync()).Missed);
        _time.SetUtcNow(Thursday.AddHours(24).AddMinutes(1));
        Assert.Equal(1, (await _host.RoundAsync()).Missed);
        Assert.Equal(OccurrenceState.Missed, (await _host.Get<Assignments>().OccurrenceAsync(assignment.Id, Thursday))!.Value.State);

        var review = await clinician.ReadAsync("clients");
        Assert.Contains("This week: 1 done, 1 missed. Last check-in: 20 Oct 2025.", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMoodChartIsAPngOfTheScoresInTheWindowOnly()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.CheckInAsync(2);
        _time.Advance(TimeSpan.FromDays(70));
        await client.ConnectAsync(await clinician.NewCodeAsync());
        foreach (var mood in new[] { 4, 5, 7, 6 })
        {
            _time.Advance(TimeSpan.FromDays(3));
            await client.CheckInAsync(mood);
        }

        var points = await _host.Get<ClinicianReads>().MoodAsync(clinician.Key, client.Key);
        Assert.Equal([4, 5, 7, 6], points!.Select(p => p.Mood).ToArray());

        var replies = await clinician.SayAsync("clients");
        Assert.Contains("Mood: 4 scores in the last 60 days, latest 6/10.", BotClient.Read(replies), StringComparison.Ordinal);
        var image = Assert.Single(replies.SelectMany(r => r.Attachments ?? []), a => a.ContentType == "image/png");
        var png = Convert.FromBase64String(image.ContentUrl["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(ReflectBot.Journal.MoodChart.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(ReflectBot.Journal.MoodChart.Height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task APlanAfterPhq9ItemNineGetsTheCrisisReplyAndNoScoreMessageAndTheClinicianSeesTheItem()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync(), shared: false);
        Assert.Contains("PHQ-9", await client.ReadAsync("phq-9"), StringComparison.Ordinal);
        for (var i = 0; i < 7; i++)
        {
            Assert.DoesNotContain(Conversations.CrisisCardTitle, await client.ReadAsync("Not at all"), StringComparison.Ordinal);
        }

        Assert.Contains("Thoughts that you would be better off dead", await client.ReadAsync("More than half the days"), StringComparison.Ordinal);
        var replies = _host.Get<SafetyContent>().Replies;
        Assert.Contains(replies.Phq9Thoughts, await client.ReadAsync("Several days"), StringComparison.Ordinal);
        Assert.Contains(replies.Phq9Plan, await client.ReadAsync("yes"), StringComparison.Ordinal);
        var last = await client.ReadAsync("yes");

        // A plan: the safety feature's own crisis reply, a safety event (a count only), and no score message after it.
        Assert.Contains(replies.Empathy(RiskClass.Suicidal), last, StringComparison.Ordinal);
        Assert.Contains(Conversations.CrisisCardTitle, last, StringComparison.Ordinal);
        Assert.Contains(replies.CheckQuestion, last, StringComparison.Ordinal);
        Assert.DoesNotContain("Your total is", last, StringComparison.Ordinal);
        Assert.Equal(1, await _host.Get<SafetyEventStore>().CountOfUserAsync(client.Key, DateTimeOffset.MinValue));
        Assert.Equal(1, await _host.Get<ISafetyEventCounter>().CountAsync(client.Key, ClinicHost.Start.AddDays(-1)));

        var entry = Assert.Single(await _host.Get<IJournalStore>().ListAsync(client.Key));
        Assert.Equal("3 of 27", entry.Answers["score"]);
        var score = await _host.Get<ClinicStore>().GetAsync<MeasureScore>(ClinicKeys.Score(client.Key, entry.Id));
        Assert.Equal("Several days", score!.SafetyItem);
        Assert.Contains("Self-harm item: Several days", BotClient.Read(await clinician.SayAsync("clients")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoThoughtsNowAfterPhq9ItemNineGetsAGentleWordAndTheScore()
    {
        var client = _host.User("client-1", "Sam");
        await client.ReadAsync("phq-9");
        for (var i = 0; i < 8; i++)
        {
            await client.ReadAsync("Not at all");
        }

        var replies = _host.Get<SafetyContent>().Replies;
        Assert.Contains(replies.Phq9Thoughts, await client.ReadAsync("Nearly every day"), StringComparison.Ordinal);
        var last = await client.ReadAsync("no");
        Assert.Contains("glad those thoughts aren't with you right now", last, StringComparison.Ordinal);
        Assert.DoesNotContain(Conversations.CrisisCardTitle, last, StringComparison.Ordinal);

        // Then the unscored difficulty question, as published; its answer does not change the total.
        Assert.Contains("how difficult have these problems made it", last, StringComparison.Ordinal);
        last = await client.ReadAsync("Very difficult");
        Assert.Contains("Your total is 3 out of 27 (in the 0-4 range)", last, StringComparison.Ordinal);
        Assert.DoesNotContain("depression", last, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _host.Get<SafetyEventStore>().CountOfUserAsync(client.Key, DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task AnAssignedMeasureIsMarkedDoneWhenFinished()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync(), completion: false);
        await AssignTests.AssignAsync(clinician, "Sam", "GAD-7 check-in", "every day at 7pm");
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));

        _time.SetUtcNow(Monday.AddMinutes(5));
        await client.SayAsync($"start assignment {assignment.Id}");
        string last = string.Empty;
        for (var i = 0; i < 7; i++)
        {
            last = await client.ReadAsync("Several days");
        }

        Assert.Contains("how difficult have these problems made it", last, StringComparison.Ordinal);
        last = await client.ReadAsync("Somewhat difficult");
        Assert.Contains("Your total is 7 out of 21", last, StringComparison.Ordinal);
        Assert.Contains("not sharing completion", last, StringComparison.Ordinal);
        Assert.Equal(OccurrenceState.Done, (await _host.Get<Assignments>().OccurrenceAsync(assignment.Id, Monday))!.Value.State);
    }
}

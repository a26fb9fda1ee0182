using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>"assign" through the real host: schedules in natural language, read in the client's zone.</summary>
public sealed class AssignTests : IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public AssignTests() => _host = new ClinicHost(_time);

    public void Dispose() => _host.Dispose();

    /// <summary>Walks the assign waterfall and returns the confirmation.</summary>
    public static async Task<string> AssignAsync(BotClient clinician, string client, string journey, string when, string note = "no", string? ownPrompt = null)
    {
        Assert.Contains("Which client", await clinician.ReadAsync("assign"), StringComparison.Ordinal);
        Assert.Contains("Which reflection", await clinician.ReadAsync(client), StringComparison.Ordinal);
        if (ownPrompt is not null)
        {
            Assert.Contains("reflect on?", await clinician.ReadAsync(journey), StringComparison.Ordinal);
            journey = ownPrompt;
        }

        Assert.Contains("When?", await clinician.ReadAsync(journey), StringComparison.Ordinal);
        Assert.Contains("note", await clinician.ReadAsync(when), StringComparison.Ordinal);
        Assert.Contains("Shall I set this up?", await clinician.ReadAsync(note), StringComparison.Ordinal);
        var done = await clinician.ReadAsync("yes");
        Assert.Contains("Done:", done, StringComparison.Ordinal);
        return done;
    }

    [Fact]
    public async Task TwiceAWeekAtSevenStaysAtSevenForTheClientAcrossTheClocksGoingBack()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", timeZone: "America/Los_Angeles");
        var client = _host.User("client-1", "Sam", timeZone: "Europe/London");
        await client.ConnectAsync(await clinician.NewCodeAsync());

        var done = await AssignAsync(clinician, "Sam", "Daily check-in", "every Monday and Thursday at 7pm until 20 December", note: "Be kind to yourself");
        Assert.Contains("every Monday and Thursday at 19:00 until 20 Dec 2025 (Europe/London)", done, StringComparison.Ordinal);

        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));
        Assert.Equal("daily-check-in", assignment.JourneyId);
        Assert.Equal("Be kind to yourself", assignment.Note);
        var occurrences = assignment.Recurrence.Occurrences().ToList();

        // Mon 20 Oct and Thu 23 Oct are in BST (UTC+1); from Mon 27 Oct it is GMT: same wall clock, one hour later in UTC.
        Assert.Equal(new DateTimeOffset(2025, 10, 20, 18, 0, 0, TimeSpan.Zero), occurrences[0]);
        Assert.Equal(new DateTimeOffset(2025, 10, 23, 18, 0, 0, TimeSpan.Zero), occurrences[1]);
        Assert.Equal(new DateTimeOffset(2025, 10, 27, 19, 0, 0, TimeSpan.Zero), occurrences[2]);
        Assert.Equal(new DateTimeOffset(2025, 12, 18, 19, 0, 0, TimeSpan.Zero), occurrences[^1]);
        Assert.Equal(18, occurrences.Count);
    }

    [Fact]
    public async Task TheScheduleIsReadInTheClientsZoneNotTheClinicians()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A", timeZone: "Europe/London");
        var client = _host.User("client-1", "Sam", timeZone: "America/New_York");
        await client.ConnectAsync(await clinician.NewCodeAsync());

        await AssignAsync(clinician, "Sam", "Daily check-in", "daily at 9 for two weeks");
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));
        var occurrences = assignment.Recurrence.Occurrences().ToList();

        // 09:00 UTC is 05:00 in New York, so today's 09:00 there is still ahead: 20 Oct to 2 Nov, 14 days.
        // 09:00 in New York is 13:00 UTC under EDT and 14:00 UTC from Sunday 2 November (EST).
        Assert.Equal(14, occurrences.Count);
        Assert.Equal(new DateTimeOffset(2025, 10, 20, 13, 0, 0, TimeSpan.Zero), occurrences[0]);
        Assert.Equal(new DateTimeOffset(2025, 11, 1, 13, 0, 0, TimeSpan.Zero), occurrences[12]);
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 14, 0, 0, TimeSpan.Zero), occurrences[13]);
    }

    [Fact]
    public async Task TomorrowMorningIsOneOccurrenceInTheMorningOfTheClient()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam", timeZone: "Asia/Tokyo");
        await client.ConnectAsync(await clinician.NewCodeAsync());

        await AssignAsync(clinician, "Sam", ContentFolders.Say(ClinicStrings.OwnPrompt), "tomorrow morning", ownPrompt: "What went well this week?");
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));
        Assert.Equal("What went well this week?", assignment.CustomPrompt);
        var occurrence = Assert.Single(assignment.Recurrence.Occurrences());

        // 09:00 UTC on 20 Oct is 18:00 in Tokyo: "tomorrow" is 21 Oct there, morning at 08:00 JST = 23:00 UTC on 20 Oct.
        Assert.Equal(new DateTimeOffset(2025, 10, 20, 23, 0, 0, TimeSpan.Zero), occurrence);
    }

    [Fact]
    public async Task AnUnreadableScheduleIsAskedAgain()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await clinician.SayAsync("assign");
        await clinician.SayAsync("Sam");
        await clinician.SayAsync("Daily check-in");
        Assert.Contains("couldn't read that", await clinician.ReadAsync("whenever really"), StringComparison.Ordinal);
        Assert.Contains("note", await clinician.ReadAsync("every Tuesday at 18:30 for 4 weeks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClinicianWithoutClientsIsToldHowToGetOne()
        => Assert.Contains("new client code", await _host.User(ClinicHost.ClinicianA, "Dr A").ReadAsync("assign"), StringComparison.Ordinal);
}

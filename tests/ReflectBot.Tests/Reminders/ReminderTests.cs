using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Reminders;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Reminders;

/// <summary>
/// Reminders a person chooses and the Sunday look back (issue 16), set in the chat over HTTP and sent by the scheduler's
/// round through the real proactive path (CloudAdapter posting to a connector stand-in on 127.0.0.1). The clock starts
/// on Monday 20 October 2025, 10:00 in London (09:00 UTC).
/// </summary>
public sealed class ReminderTests : ReminderScenario
{
    [Fact]
    public async Task AnEveningReminderIsSentOnceAtItsTimeWithOneButtonThatStartsItsJourney()
    {
        var person = Person();
        var set = await person.ReadAsync("remind me to check in every evening at 8");
        Assert.Contains("Reminder 1 is set: the Daily check-in, every day at 20:00", set, StringComparison.Ordinal);

        At(20, 18, 59);
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        At(20, 19);
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
        Assert.Equal(0, (await Host.RoundAsync()).Sent);

        var (conversation, activity) = Assert.Single(Connector.Posts);
        Assert.Equal("conv-person-1", conversation);
        var hero = (JObject)Assert.Single(activity.Attachments).Content;
        Assert.Contains("It's time for your Daily check-in", hero.Value<string>("text"), StringComparison.Ordinal);
        var button = Assert.Single(hero["buttons"]!);
        Assert.Equal("check in", button.Value<string>("value"));

        // One tap: the button's words start the journey.
        var started = await person.ReadAsync(button.Value<string>("value")!);
        Assert.Contains("0 to 10", started, StringComparison.Ordinal);

        // The next evening it comes again.
        At(21, 19);
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task AReminderThePersonTimesInsideQuietHoursIsKeptSaidPlainlyAndSentThen()
    {
        // It used to be refused: a usability tester wanting 7:15am before a shift had no way to get it.
        var reply = await Person().ReadAsync("remind me to check in every day at 7:15am");
        Assert.Contains("Reminder 1 is set", reply, StringComparison.Ordinal);
        Assert.Contains("07:15 is in the hours I otherwise keep quiet (22:00 to 08:00)", reply, StringComparison.Ordinal);

        // One timed outside them and held up into them (no round ran at 21:50) still waits for the next evening.
        await Person().ReadAsync("remind me to check in every evening at 9:50");
        At(20, 21, 5); // Monday 22:05 in London
        Assert.Equal(0, (await Host.RoundAsync()).Sent);

        At(21, 6, 16); // Tuesday 07:16 in London (BST)
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task UnderTheDefaultQuietHoursTheNineOClockReminderOfTheIssueArrivesAtNine()
    {
        var set = await Person().ReadAsync("remind me to check in every evening at 9");
        Assert.Contains("every day at 21:00", set, StringComparison.Ordinal);
        At(20, 20);
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task AWeekdayReminderComesOnWeekdaysOnlyAndNamesItsJourney()
    {
        var person = Person();
        var set = await person.ReadAsync("remind me every weekday at 8am to free write");
        Assert.Contains("the Free journaling, every Monday, Tuesday, Wednesday, Thursday and Friday at 08:00", set, StringComparison.Ordinal);

        At(25, 7); // Saturday 08:01 in London
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        At(27, 8); // Monday 08:01 in London (GMT since Sunday)
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
        var hero = (JObject)Assert.Single(Assert.Single(Connector.Posts).Activity.Attachments).Content;
        Assert.Equal("free write", hero["buttons"]![0]!.Value<string>("value"));
    }

    [Fact]
    public async Task PausingForAWeekHoldsThemAndTheyComeBackByThemselves()
    {
        var person = Person();
        await person.ReadAsync("remind me to check in every evening at 8");
        var paused = await person.ReadAsync("pause reminders for a week");
        Assert.Contains("paused until Mon 27 Oct, 09:00", paused, StringComparison.Ordinal);

        At(21, 19);
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        At(27, 20); // Monday 27 October, 20:01 in London (GMT)
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task PausingUntilADayHoldsThemUntilThatDayBeginsAndADayGoneByIsAskedAbout()
    {
        // A usability tester's "pause reminders till friday" was not understood; only "for a week" was.
        var person = Person();
        await person.ReadAsync("remind me to check in every evening at 8");
        Assert.Contains("I couldn't tell how long", await person.ReadAsync("pause reminders until yesterday"), StringComparison.Ordinal);
        var paused = await person.ReadAsync("pause my reminders till friday");
        Assert.Contains("paused until Fri 24 Oct, 00:00", paused, StringComparison.Ordinal);

        At(23, 19); // Thursday 20:01 in London (BST)
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        At(24, 19); // Friday 20:01
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task APauseOverAOneOffReminderSaysItWillNotComeRatherThanLosingItSilently()
    {
        var person = Person();
        Assert.Contains("Reminder 1 is set", await person.ReadAsync("remind me to check in tomorrow at 9am"), StringComparison.Ordinal);
        await person.ReadAsync("remind me to check in every evening at 8");
        var paused = await person.ReadAsync("pause reminders for 3 days");
        Assert.Contains("Reminder 1 comes only once, inside this pause", paused, StringComparison.Ordinal);
        Assert.DoesNotContain("Reminder 2", paused, StringComparison.Ordinal);
        Assert.DoesNotContain("comes only once", await person.ReadAsync("pause reminders until tomorrow"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseRemindersWithoutATimeStopsThemUntilResumed()
    {
        var person = Person();
        await person.ReadAsync("remind me to check in every evening at 8");
        await person.ReadAsync("pause reminders");
        At(20, 19);
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        await person.ReadAsync("resume reminders");
        At(21, 19);
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task MyRemindersListsThemAndDeletingOneStopsIt()
    {
        var person = Person();
        await person.ReadAsync("remind me to check in every evening at 8");
        await person.ReadAsync("remind me every weekday at 8am to free write");
        await person.ReadAsync("send me my week on Sundays");
        var list = await person.ReadAsync("my reminders");
        Assert.Contains("1. The Daily check-in, every day at 20:00", list, StringComparison.Ordinal);
        Assert.Contains("2. The Free journaling, every Monday", list, StringComparison.Ordinal);
        Assert.Contains("Your week, looked back on: every Sunday at 18:00", list, StringComparison.Ordinal);

        Assert.Contains("Reminder 1 is deleted", await person.ReadAsync("delete reminder 1"), StringComparison.Ordinal);
        Assert.Contains("no reminder 7", await person.ReadAsync("delete reminder 7"), StringComparison.Ordinal);
        At(20, 19);
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        Assert.DoesNotContain("Daily check-in", await person.ReadAsync("my reminders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSundayLookBackIsTheWeekReadWhenDueAndStopsWhenAskedTo()
    {
        var person = Person();
        await person.SayAllAsync("check in", "4", "anxious", "work", "yes");
        Assert.Contains("every Sunday at 18:00", await person.ReadAsync("send me my week on Sundays"), StringComparison.Ordinal);

        At(26, 17, 59); // Sunday 17:59 in London (GMT)
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        At(26, 18);
        Assert.Equal(1, (await Host.RoundAsync()).Sent);
        var activity = Assert.Single(Connector.Posts).Activity;
        Assert.Contains("Here is your week, as you asked", activity.Text, StringComparison.Ordinal);
        Assert.Contains("You saved one reflection this week", activity.Text, StringComparison.Ordinal);
        Assert.Equal(activity.Text, activity.Speak);
        var chart = (JObject)Assert.Single(activity.Attachments).Content;
        Assert.False(string.IsNullOrWhiteSpace(chart["images"]![0]!.Value<string>("alt")), "the week's mood chart has its alt text");
        Assert.Contains("\"anxious\"", activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("streak", activity.Text, StringComparison.OrdinalIgnoreCase);

        Assert.Contains("no more look backs", await person.ReadAsync("stop sending my week"), StringComparison.Ordinal);
        At(27, 18);
        Time.SetUtcNow(new DateTimeOffset(2025, 11, 2, 18, 1, 0, TimeSpan.Zero));
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
    }

    [Fact]
    public async Task DeleteMyDataRemovesThem()
    {
        var person = Person();
        await person.ReadAsync("remind me to check in every evening at 8");
        await person.SayAllAsync("delete my data", "yes");
        Assert.Null(await Host.Get<ClinicStore>().GetAsync<ReminderRecord>(ReminderRecord.KeyOf(person.Key)));
    }
}

/// <summary>
/// Two instances on one store deliver a chosen reminder once: written once, run on both backends (two hosts on one
/// data folder, two hosts on one Azurite).
/// </summary>
public abstract class ReminderExactlyOnceContract : TwoClinicInstances
{
    [Fact]
    public async Task TwoInstancesDeliveringTogetherSendEachReminderOnce()
    {
        foreach (var id in new[] { "person-1", "person-2" })
        {
            var set = await First.User(id, id, serviceUrl: Connector.Url).ReadAsync("remind me to check in every evening at 8");
            Assert.Contains("Reminder 1 is set", set, StringComparison.Ordinal);
        }

        Time.SetUtcNow(new DateTimeOffset(2025, 10, 20, 19, 1, 0, TimeSpan.Zero));
        var a = First.Get<IEnumerable<IDueDelivery>>().OfType<ReminderDelivery>().Single();
        var b = Second.Get<IEnumerable<IDueDelivery>>().OfType<ReminderDelivery>().Single();
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[] { a.DeliverDueAsync(Time.GetUtcNow()), b.DeliverDueAsync(Time.GetUtcNow()) }));
        await Task.WhenAll(First.RoundAsync(), Second.RoundAsync());

        Assert.Equal(2, sent.Sum());
        Assert.Equal(["conv-person-1", "conv-person-2"], Connector.Posts.Select(p => p.ConversationId).Order().ToArray());
    }
}

/// <summary>Two hosts on one data folder: the file backend.</summary>
public sealed class FileReminderExactlyOnceTests : ReminderExactlyOnceContract
{
    protected override (ClinicHost First, ClinicHost Second) CreateInstances(FakeTimeProvider time)
    {
        var data = TempFolder.Create();
        return (new ClinicHost(time, data), new ClinicHost(time, data));
    }
}

/// <summary>Two hosts on one Azurite: the blob backend.</summary>
public sealed class BlobReminderExactlyOnceTests(AzuriteFixture azurite) : ReminderExactlyOnceContract, IClassFixture<AzuriteFixture>
{
    protected override (ClinicHost First, ClinicHost Second) CreateInstances(FakeTimeProvider time)
    {
        var settings = BlobBotHost.Settings(azurite.ConnectionString, AzuriteFixture.UniquePrefix());
        return (new ClinicHost(time, settings: settings), new ClinicHost(time, settings: settings));
    }
}

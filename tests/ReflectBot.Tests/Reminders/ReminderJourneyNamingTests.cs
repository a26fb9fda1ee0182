using Microsoft.Extensions.Time.Testing;
using ReflectBot.Reminders;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Reminders;

/// <summary>
/// Which journey a reminder is for, read from anywhere in the sentence, and never swapped for another one silently
/// (usability test ux1: "... for a thought record" set a Daily check-in reminder; "to do a thought record" was refused).
/// Over HTTP; the clock starts on Monday 20 October 2025, 10:00 in London.
/// </summary>
public sealed class ReminderJourneyNamingTests : IDisposable
{
    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public ReminderJourneyNamingTests() => _host = new ClinicHost(_time);

    public void Dispose() => _host.Dispose();

    private BotClient Person() => _host.User("person-1", "Sam");

    [Theory]
    [InlineData("remind me every tuesday at 12:47pm for a thought record")]
    [InlineData("remind me to do a thought record on tuesdays at 12:47pm")]
    [InlineData("remind me to do a thought record every tuesday at 12:47pm")]
    [InlineData("remind me every tuesday at 12:47pm to do a thought record")]
    public async Task AJourneyNamedAnywhereInTheSentenceIsTheOneReminded(string said)
    {
        var person = Person();

        var set = await person.ReadAsync(said);

        Assert.Contains("Reminder 1 is set: the Thought record, every Tuesday at 12:47", set, StringComparison.Ordinal);
        Assert.Contains("1. The Thought record, every Tuesday at 12:47", await person.ReadAsync("my reminders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemindersWithNoJourneyNamedSaysPlainlyThatItIsTheCheckIn()
    {
        var set = await Person().ReadAsync("remind me every evening at 8");

        Assert.Contains("Reminder 1 is set: the Daily check-in, every day at 20:00", set, StringComparison.Ordinal);
        Assert.Contains("You didn't name a reflection, so it's for the Daily check-in", set, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomethingNamedThatIsNoJourneyIsAskedAboutAndNothingIsKept()
    {
        var person = Person();

        var reply = await person.ReadAsync("remind me every day at 9am for my homework");

        Assert.Contains("I can remind you of one of these:", reply, StringComparison.Ordinal);
        Assert.Contains(ContentFolders.Say(RemindersStrings.None), await person.ReadAsync("my reminders"), StringComparison.Ordinal);
    }
}

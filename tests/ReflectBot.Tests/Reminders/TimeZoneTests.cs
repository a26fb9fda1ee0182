using ReflectBot.Reminders;

namespace ReflectBot.Tests.Reminders;

/// <summary>
/// "my time zone is New York", through the real host and the scheduler. A usability tester whose terminal said
/// London while she was in New York could not tell the bot so: "my time zone is new york" was thanked as a feeling.
/// The clock starts on Monday 20 October 2025, 10:00 in London (09:00 UTC, 05:00 in New York).
/// </summary>
public sealed class TimeZoneTests : ReminderScenario
{
    [Fact]
    public async Task AZoneThePersonNamesWinsOverTheChannelsAndTheirRemindersKeepTheirLocalTimeInIt()
    {
        // The channel says London throughout (the host's client sends Europe/London).
        var person = Host.User("person-1", "Sam", serviceUrl: Connector.Url);
        await person.ReadAsync("remind me to check in every evening at 8");

        var set = await person.ReadAsync("my time zone is new york");
        Assert.Contains("New York (America/New_York)", set, StringComparison.Ordinal);
        Assert.Contains("Mon 05:00", set, StringComparison.Ordinal);
        Assert.Contains("America/New_York", await person.ReadAsync("what's my time zone"), StringComparison.Ordinal);
        Assert.Contains("20:00 (America/New_York)", await person.ReadAsync("my reminders"), StringComparison.Ordinal);

        // 20:00 in London passes without a reminder; 20:00 in New York (00:00 UTC, EDT) brings it.
        At(20, 19);
        Assert.Equal(0, (await Host.RoundAsync()).Sent);
        At(21, 0);
        Assert.Equal(1, (await Host.RoundAsync()).Sent);

        // Going back to the device's zone moves them back.
        Assert.Contains("London (Europe/London)", await person.ReadAsync("use my device's time zone"), StringComparison.Ordinal);
        Assert.Contains("20:00 (Europe/London)", await person.ReadAsync("my reminders"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my time zone is narnia", "I don't know the time zone \"narnia\"")]
    [InlineData("set my timezone to Europe/Paris", "Paris (Europe/Paris)")]
    [InlineData("time zone: pacific", "Los Angeles (America/Los_Angeles)")]
    [InlineData("I'm in the eastern time zone", "New York (America/New_York)")]
    [InlineData("my time zone is sao paulo", "Sao Paulo (America/Sao_Paulo)")]
    public async Task ZonesAreReadFromCitiesIdsAndCommonNamesAndAnUnknownOneIsSaidPlainly(string said, string expected)
    {
        var person = Host.User("person-2", "Jo", serviceUrl: Connector.Url);
        Assert.Contains(expected, await person.ReadAsync(said), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("New York", "America/New_York")]
    [InlineData("the UK", "Europe/London")]
    [InlineData("buenos aires time", "America/Argentina/Buenos_Aires")]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("Atlantis", null)]
    [InlineData("../../etc/passwd", null)]
    public void NamesResolveToOneZoneOrNone(string words, string? id)
        => Assert.Equal(id, TimeZoneNames.Find(words)?.Id);
}

using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Conversation;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>How "hi" is answered: as a first word, straight after the welcome a new chat shows, and on coming back.</summary>
public sealed class GreetingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", CultureInfo.InvariantCulture));
    private readonly BotHost _host;

    public GreetingTests() => _host = new BotHost { TestServices = s => s.AddSingleton<TimeProvider>(_time) };

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task HiStraightAfterTheWelcomeIsNotGreetedAsAReturnButHiAnHourLaterIs()
    {
        var bot = _host.Client();
        var joined = bot.Message(null);
        joined.Type = ActivityTypes.ConversationUpdate;
        joined.MembersAdded = [joined.From];
        Assert.Contains(ContentFolders.Say(ConversationStrings.Welcome), BotClient.Read(await bot.SendAsync(joined)), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(2));
        var first = BotClient.Read(await bot.SayAsync("hi"));
        Assert.StartsWith(ContentFolders.Say(ConversationStrings.JustWelcomed), first, StringComparison.Ordinal);
        Assert.Contains("0 to 10", first, StringComparison.Ordinal);
        await bot.SayAsync("cancel");

        _time.Advance(TimeSpan.FromHours(1));
        var later = BotClient.Read(await bot.SayAsync("hi"));
        Assert.DoesNotContain(ContentFolders.Say(ConversationStrings.JustWelcomed), later, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentFolders.Say(ConversationStrings.Welcome), later, StringComparison.Ordinal);
        Assert.Contains("check-in", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstHiWithNoWelcomeShownGetsTheWelcome()
    {
        Assert.StartsWith(ContentFolders.Say(ConversationStrings.Welcome), BotClient.Read(await _host.Client().SayAsync("hi")), StringComparison.Ordinal);
    }
}

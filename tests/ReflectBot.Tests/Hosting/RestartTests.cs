using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>A conversation survives a process restart: two hosts in sequence on one file store.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task ACheckInStartedOnOneHostFinishesOnTheNext()
    {
        var data = TempFolder.Create();
        using (var first = new BotHost(data))
        {
            var bot = first.Client();
            await bot.SayAsync("check in");
            await bot.SayAsync("3");
        }

        using var second = new BotHost(data);
        var resumed = second.Client();
        Assert.Contains("?", BotClient.Read(await resumed.SayAsync("heavy")), StringComparison.Ordinal);
        Assert.Contains("save", BotClient.Read(await resumed.SayAsync("a long week")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Saved", BotClient.Read(await resumed.SayAsync("yes")), StringComparison.Ordinal);

        var entry = Assert.Single(await second.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Equal(3, entry.Mood);
        Assert.Equal("heavy", entry.Answers["feelings"]);
    }
}

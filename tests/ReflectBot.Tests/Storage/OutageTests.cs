using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// Azurite stopped in the middle of conversations and started again on the same port and data folder:
/// during the outage every turn gets the one-line storage message (a 200, no error logged), afterwards
/// the conversations go on where they were, and nothing acknowledged before is missing.
/// </summary>
public sealed class OutageTests
{
    [Fact]
    public async Task DuringAnOutageTheBotSaysItCouldNotSaveAndAfterItEverythingGoesOn()
    {
        await using var azurite = await Azurite.LaunchAsync(TempFolder.Create());
        var logs = new LogCollector();
        using var host = BlobBotHost.Create(azurite.ConnectionString, AzuriteFixture.UniquePrefix(), services => services.AddSingleton<ILoggerProvider>(logs));
        var before = host.Client("user-before", "conv-before");
        foreach (var text in new[] { "check in", "2", "tired", "nothing much" })
        {
            await before.SayAsync(text);
        }

        Assert.Contains("Saved", BotClient.Read(await before.SayAsync("yes")), StringComparison.Ordinal);
        var during = host.Client("user-during", "conv-during");
        await during.SayAsync("check in");
        await during.SayAsync("6");

        await azurite.StopAsync();
        for (var i = 0; i < 3; i++)
        {
            // One line, compared as text so a second reply shows what it was.
            var replies = await during.SayAsync("calm");
            Assert.Equal([ContentFolders.Say(HostingStrings.CouldNotSave)], replies.Select(BotClient.ReadOne));
        }

        Assert.Equal(ContentFolders.Say(HostingStrings.CouldNotSave), BotClient.Read(await host.Client("user-new", "conv-new").SayAsync("hi")));

        await azurite.StartAsync();
        Assert.Contains("?", BotClient.Read(await during.SayAsync("calm")), StringComparison.Ordinal);
        Assert.Contains("save", BotClient.Read(await during.SayAsync("a walk")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Saved", BotClient.Read(await during.SayAsync("yes")), StringComparison.Ordinal);

        var journal = host.Services.GetRequiredService<IJournalStore>();
        Assert.Equal(2, Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "user-before"))).Mood);
        Assert.Equal("calm", Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "user-during"))).Answers["feelings"]);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 3003);
    }
}

using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Privacy;

/// <summary>"delete my data" says plainly, before and after, what stays and for how long.</summary>
public sealed class WhatRemainsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task OnTheFileStoreOnlyAnonymousCountsStayAndTheBotSaysSoBeforeAndAfter()
    {
        using var host = new BotHost();
        var bot = host.Client();
        await bot.CheckInAsync(5, "fine", "nothing");

        var asked = BotClient.Read(await bot.SayAsync("delete my data"));
        var done = BotClient.Read(await bot.SayAsync("yes, delete everything"));

        foreach (var text in new[] { asked, done })
        {
            Assert.Contains("What stays: anonymous totals of how often this bot has shown crisis support to anyone", text, StringComparison.Ordinal);
            Assert.Contains("can't be linked back to you", text, StringComparison.Ordinal);
            Assert.DoesNotContain("recycle bin", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnBlobStorageTheBotSaysHowLongSoftDeletedCopiesStay()
    {
        using var host = new BotHost(null, [.. BlobBotHost.Settings(azurite.ConnectionString, AzuriteFixture.UniquePrefix()), ("Storage:Blob:SoftDeleteRetentionDays", "14")]);
        var bot = host.Client();
        await bot.CheckInAsync(5, "fine", "nothing");

        var asked = BotClient.Read(await bot.SayAsync("delete my data"));
        var done = BotClient.Read(await bot.SayAsync("yes, delete everything"));

        foreach (var text in new[] { asked, done })
        {
            Assert.Contains("encrypted copies of what I delete stay recoverable in the storage account's recycle bin (soft delete) for 14 days, then they're gone for good", text, StringComparison.Ordinal);
            Assert.Contains("anonymous totals", text, StringComparison.Ordinal);
        }
    }
}

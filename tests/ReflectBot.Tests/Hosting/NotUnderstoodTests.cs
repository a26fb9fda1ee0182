using ReflectBot.Conversation;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>What the bot says, with nothing in progress, to a message no command takes.</summary>
public sealed class NotUnderstoodTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("I had a rough day with my mum")]
    [InlineData("work was long and nobody noticed")]
    [InlineData("feeling kind of flat tbh")]
    public async Task AFewWordsOfTheirOwnAreThankedAndOfferedAPageToWriteOnNotTheWholeMenu(string words)
    {
        var bot = await IdleClientAsync();
        var replies = await bot.SayAsync(words);

        var reply = Assert.Single(replies);
        var text = BotClient.ReadOne(reply);
        Assert.StartsWith("Thank you for telling me.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentFolders.Say(ConversationStrings.NotSure), text, StringComparison.Ordinal);
        Assert.Equal(["free write", "check in", "menu"], reply.SuggestedActions.Actions.Select(a => a.Value?.ToString()));

        // The first button opens the page.
        Assert.True(ContentFolders.Asks(BotClient.Read(await bot.SayAsync("free write")), "free-journaling", "writing"));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("ok")]
    [InlineData("journal pls now")]
    public async Task FewerWordsGetTheMenu(string words)
    {
        var text = BotClient.Read(await (await IdleClientAsync()).SayAsync(words));

        Assert.Contains(ContentFolders.Say(ConversationStrings.NotSure), text, StringComparison.Ordinal);
        Assert.Contains("Type \"check in\"", text, StringComparison.Ordinal);
    }

    /// <summary>A client past the welcome's check-in, with nothing in progress.</summary>
    private async Task<BotClient> IdleClientAsync()
    {
        var bot = _host.Client();
        await bot.SayAsync("hi");
        await bot.SayAsync("cancel");
        return bot;
    }
}

using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using ReflectBot.Browser.Tests.Support;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Hosting;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ReflectBot.Browser.Tests;

/// <summary>The real Web Chat in headless Chromium against the real host on 127.0.0.1, through the local Direct Line.</summary>
public sealed partial class WebChatTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime, IDisposable
{
    private readonly LiveBotHost _host = new();
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 1000 } });

    public Task DisposeAsync() => _context.CloseAsync();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ThePageLoadsAndTheWelcomeArrives()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);

        await Expect(chat.Said(ChatPage.Welcome)).ToBeVisibleAsync();
        await Expect(chat.Transcript.Locator(".ac-adaptiveCard").GetByRole(AriaRole.Button, new() { Name = "check in", Exact = true })).ToBeVisibleAsync();
        await Expect(chat.Page.Locator("footer")).ToContainTextAsync("not an emergency service");
        await Expect(chat.Page.Locator("footer a")).ToHaveAttributeAsync("href", "https://findahelpline.com");
        await Expect(chat.Page.Locator("h1")).ToHaveTextAsync("ReflectBot");
    }

    [Fact]
    public async Task ACheckInCompletesByTypingAndByTappingSuggestedActions()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);

        await chat.TypeAsync("check in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
        await chat.TapSuggestedAsync("7");
        await Expect(chat.Said(FeelingsQuestion())).ToBeVisibleAsync();
        await chat.TypeAsync("calm, tired");
        await Expect(chat.Said(OnYourMindQuestion())).ToBeVisibleAsync();
        await chat.TypeAsync("work was long");

        // A new user: the first save is asked as the consent question; tapping "Yes" keeps a journal and saves.
        await Expect(chat.Said(ChatPage.FirstSaveQuestion)).ToBeVisibleAsync();
        await chat.TapSuggestedAsync("Yes");
        await Expect(chat.Said("Saved to your journal")).ToBeVisibleAsync();

        // The artifact: what a person sees at the end of a check-in (Web Chat scrolls smoothly, so wait for the end).
        await chat.Said("Saved to your journal").ScrollIntoViewIfNeededAsync();
        await Expect(chat.Page.GetByRole(AriaRole.Button, new() { Name = "Jump to last message" })).ToHaveCountAsync(0);
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(artifacts.FullName, "check-in.png") });

        var entry = Assert.Single(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", await chat.UserIdAsync())));
        Assert.Equal(7, entry.Mood);
        Assert.Equal("calm, tired", entry.Answers["feelings"]);
    }

    [Fact]
    public async Task MyWeekShowsTheWeeksMoodChartWithItsAltTextAndThePersonsOwnWords()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        await chat.TypeAsync("check in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
        await chat.TypeAsync("4");
        await Expect(chat.Said(FeelingsQuestion())).ToBeVisibleAsync();
        await chat.TypeAsync("tired, anxious");
        await Expect(chat.Said(OnYourMindQuestion())).ToBeVisibleAsync();
        await chat.TypeAsync("work");
        await Expect(chat.Said(ChatPage.FirstSaveQuestion)).ToBeVisibleAsync();
        await chat.TapSuggestedAsync("Yes");
        await Expect(chat.Said("Saved to your journal")).ToBeVisibleAsync();

        await chat.TypeAsync("my week");
        await Expect(chat.Said("The feelings you named most often")).ToBeVisibleAsync();
        await Expect(chat.Transcript.GetByAltText("A chart of your mood this week, one score of 4 out of 10.").First).ToBeVisibleAsync();

        await chat.Said("what would you be glad to set down?").ScrollIntoViewIfNeededAsync();
        await Expect(chat.Page.GetByRole(AriaRole.Button, new() { Name = "Jump to last message" })).ToHaveCountAsync(0);
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await chat.Page.ScreenshotAsync(new() { Path = Path.Combine(artifacts.FullName, "my-week.png") });
    }

    [Fact]
    public async Task TheMenuCardsButtonStartsTheCheckIn()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        await chat.TapCardButtonAsync("check in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
        await Expect(chat.Page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = "10", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnAdaptiveCardRendersAndItsSubmitButtonStartsItsJourney()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        var (conversationId, _) = await chat.SessionAsync();

        // A proactive message, as a scheduled reminder would send, carrying an Adaptive Card.
        await SendProactiveAsync(conversationId, await chat.UserIdAsync(), new Attachment
        {
            ContentType = "application/vnd.microsoft.card.adaptive",
            Content = JObject.Parse("""
                {
                  "type": "AdaptiveCard", "version": "1.3",
                  "body": [
                    { "type": "TextBlock", "text": "Naming a feeling", "weight": "Bolder", "wrap": true },
                    { "type": "TextBlock", "text": "Putting a feeling into words can make it a little easier to hold.", "wrap": true }
                  ],
                  "actions": [ { "type": "Action.Submit", "title": "Try a check-in", "data": { "text": "check in" } } ]
                }
                """),
        });

        await Expect(chat.Said("Naming a feeling")).ToBeVisibleAsync();
        await chat.TapCardButtonAsync("Try a check-in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AReloadMidJourneyContinuesWhereItWas()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        await chat.TypeAsync("check in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
        await chat.TypeAsync("6");
        await Expect(chat.Said(FeelingsQuestion())).ToBeVisibleAsync();
        var before = await chat.SessionAsync();

        await chat.Page.ReloadAsync();

        // The conversation so far is back on screen, the question is waiting, and the answer lands in it.
        await Expect(chat.Said(FeelingsQuestion())).ToBeVisibleAsync();
        Assert.Equal(before.ConversationId, (await chat.SessionAsync()).ConversationId);
        await chat.TypeAsync("hopeful");
        await Expect(chat.Said(OnYourMindQuestion())).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ASecondBrowserContextCannotReadTheFirstOnesConversation()
    {
        var first = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        await first.TypeAsync("check in");
        await Expect(first.Said("0 to 10")).ToBeVisibleAsync();
        var (firstConversation, _) = await first.SessionAsync();

        await using var otherContext = await chromium.Browser.NewContextAsync();
        var second = await ChatPage.OpenAsync(otherContext, _host.BaseAddress);
        var (secondConversation, secondToken) = await second.SessionAsync();

        Assert.NotEqual(firstConversation, secondConversation);
        await Expect(second.Transcript.Locator("p").Filter(new() { HasText = "0 to 10" })).ToHaveCountAsync(0);

        const string read = "async ([conversation, token]) => (await fetch(`/v3/directline/conversations/${conversation}/activities`, token ? { headers: { Authorization: `Bearer ${token}` } } : {})).status";
        Assert.Equal(403, await second.Page.EvaluateAsync<int>(read, new[] { firstConversation, secondToken }));
        Assert.Equal(401, await second.Page.EvaluateAsync<int>(read, new[] { firstConversation, string.Empty }));
    }

    [Fact]
    public async Task ThePageWorksUnderItsContentSecurityPolicyWithoutAViolation()
    {
        var violations = new List<string>();
        var page = await _context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync(_host.BaseAddress.AbsoluteUri);
        var chat = new ChatPage(page);
        await Expect(chat.Said(ChatPage.Welcome)).ToBeVisibleAsync();
        await chat.TapCardButtonAsync("check in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task TheCookieKeepsThePersonsJournalWhenThePageForgetsItsConversation()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        var user = await chat.UserIdAsync();
        await chat.TypeAsync("check in");
        await Expect(chat.Said("0 to 10")).ToBeVisibleAsync();
        await chat.TypeAsync("7");
        await Expect(chat.Said(FeelingsQuestion())).ToBeVisibleAsync();
        await chat.TypeAsync("calm");
        await Expect(chat.Said(OnYourMindQuestion())).ToBeVisibleAsync();
        await chat.TypeAsync("a quiet day");
        await Expect(chat.Said(ChatPage.FirstSaveQuestion)).ToBeVisibleAsync();
        await chat.TapSuggestedAsync("Yes");
        await Expect(chat.Said("Saved to your journal")).ToBeVisibleAsync();

        // The page's stored conversation is gone (another day, a cleared storage); the cookie is not. The
        // person was welcomed already, so the new conversation starts quietly.
        await chat.Page.EvaluateAsync("() => window.localStorage.clear()");
        var again = new ChatPage(await _context.NewPageAsync());
        await again.Page.GotoAsync(_host.BaseAddress.AbsoluteUri);
        await Expect(again.Page.Locator("[data-id='webchat-sendbox-input']")).ToBeVisibleAsync();
        Assert.Equal(user, await again.UserIdAsync());
        await again.TypeAsync("my journal");
        await Expect(again.Transcript.Locator("p, li").Filter(new() { HasText = "mood 7/10" }).Last).ToBeVisibleAsync();
        Assert.Equal(0, await again.Page.EvaluateAsync<int>("() => document.cookie.length"));
    }

    [Fact]
    public async Task DeletingMyDataEndsTheConversationOnThePageAndAFreshOneStartsEmpty()
    {
        var chat = await ChatPage.OpenAsync(_context, _host.BaseAddress);
        await chat.TypeAsync("delete my data");
        await Expect(chat.Said("Delete everything?")).ToBeVisibleAsync();
        var (conversation, token) = await chat.SessionAsync();
        await chat.TapSuggestedAsync("yes, delete everything");

        await Expect(chat.Page.Locator("#status")).ToContainTextAsync("This conversation has ended");
        await Expect(chat.Transcript).ToBeHiddenAsync();
        const string read = "async ([conversation, token]) => (await fetch(`/v3/directline/conversations/${conversation}/activities`, { headers: { Authorization: `Bearer ${token}` } })).status";
        Assert.Equal(403, await chat.Page.EvaluateAsync<int>(read, new[] { conversation, token }));

        await chat.Page.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await Expect(chat.Said(ChatPage.Welcome)).ToBeVisibleAsync();
        Assert.NotEqual(conversation, (await chat.SessionAsync()).ConversationId);
        await chat.TypeAsync("my journal");
        await Expect(chat.Said("Your journal is empty")).ToBeVisibleAsync();
    }

    private async Task SendProactiveAsync(string conversationId, string userId, Attachment card)
    {
        var reference = new ConversationReference
        {
            ChannelId = DirectLineBridge.ChannelId,
            ServiceUrl = _host.BaseAddress.AbsoluteUri,
            Conversation = new ConversationAccount(id: conversationId),
            Bot = DirectLineBridge.BotAccount(),
            User = new ChannelAccount(userId),
        };
        await _host.Services.GetRequiredService<ReflectBotAdapter>().ContinueConversationAsync(
            new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType),
            reference,
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Attachment(card), ct),
            CancellationToken.None);
    }

    [GeneratedRegex("word or two")]
    private static partial Regex FeelingsQuestion();

    [GeneratedRegex("on your mind|taking up space")]
    private static partial Regex OnYourMindQuestion();
}

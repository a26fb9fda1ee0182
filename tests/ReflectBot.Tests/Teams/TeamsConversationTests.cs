using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels;
using ReflectBot.Channels.Teams;
using ReflectBot.Conversation;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Privacy;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Teams;

/// <summary>
/// Teams-shaped traffic through the real host: activities posted to /api/messages without expectReplies,
/// the bot's replies captured by a connector stand-in on loopback that plays Teams' service URL.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the host and the stand-in through IAsyncLifetime.
public sealed class TeamsConversationTests : IAsyncLifetime
{
    private ConnectorStandIn _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _host = new BotHost(null, ("Content:Path", TeamsContent.Create()), ("ConnectorRetry:BaseDelay", "00:00:00.010"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private TeamsUser User(string id = "29:1user-aad", string conversationType = "personal") => new(_host.CreateClient(), _connector, id, conversationType);

    [Fact]
    public async Task InstallingInPersonalScopeWelcomesOnceAndStoresTheConversationReference()
    {
        var user = User();
        await user.PostAsync(user.BotAdded());
        await user.PostAsync(user.Installed());
        var first = _connector.Take();
        Assert.Single(first, a => a.Text == ContentFolders.Say(ConversationStrings.Welcome));
        Assert.All(first, a => Assert.Equal(user.ConversationId, a.Conversation.Id));

        await user.PostAsync(user.Installed());
        await user.PostAsync(user.BotAdded());
        Assert.Empty(_connector.Take());

        var reference = await _host.Services.GetRequiredService<ConversationReferences>().GetAsync(UserKeys.From("msteams", user.UserId));
        Assert.NotNull(reference);
        Assert.Equal(_connector.Url, reference.ServiceUrl);
        Assert.Equal(TeamsUser.TenantId, reference.Conversation.TenantId);
        Assert.Equal(user.ConversationId, reference.Conversation.Id);
        Assert.Equal(TeamsUser.BotId, reference.Bot.Id);
        Assert.Null(reference.ActivityId);
    }

    [Fact]
    public async Task UninstallingForgetsTheReferenceAndSaysNothing()
    {
        var user = User();
        await user.PostAsync(user.Installed());
        var references = _host.Services.GetRequiredService<ConversationReferences>();
        Assert.NotNull(await references.GetAsync(UserKeys.From("msteams", user.UserId)));
        _connector.Take();

        await user.PostAsync(user.Uninstalled());
        Assert.Empty(_connector.Take());
        Assert.Null(await references.GetAsync(UserKeys.From("msteams", user.UserId)));
    }

    [Theory]
    [InlineData("groupChat", "check in")]
    [InlineData("channel", "hi")]
    [InlineData("groupChat", "I feel awful today and want to write about it")]
    public async Task ASharedConversationGetsOneShortMessageAndNothingPersonal(string conversationType, string text)
    {
        var user = User("29:1group-member", conversationType);
        await user.PostAsync(user.Installed());
        var onInstall = _connector.Take();
        var replies = await user.SayAsync(text);

        var all = onInstall.Concat(replies).ToList();
        Assert.Equal(2, all.Count);
        Assert.All(all, a => Assert.Equal(ContentFolders.Say(TeamsStrings.OneToOneOnly), a.Text));
        Assert.All(all, a => Assert.True(a.Attachments is null or { Count: 0 }));
        Assert.Null(await _host.Services.GetRequiredService<ConversationReferences>().GetAsync(UserKeys.From("msteams", user.UserId)));
        Assert.Empty(await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("msteams", user.UserId)));
    }

    [Fact]
    public async Task FourChoicesBecomeAHeroCardInsteadOfSuggestedActionsAndATapAnswers()
    {
        var user = User();
        await user.KeepsAJournalAsync();
        var prompt = Assert.Single(await user.SayAsync("pick a colour"));
        Assert.Null(prompt.SuggestedActions);
        var card = Assert.Single(prompt.Attachments);
        Assert.Equal(HeroCard.ContentType, card.ContentType);
        var buttons = ((JObject)card.Content)["buttons"]!.Select(b => b.Value<string>("value")).ToList();
        Assert.Equal(["Red", "Green", "Blue", "Yellow"], buttons);

        // imBack: Teams posts the button's value as the user's message.
        var answer = await user.SayAsync("Yellow");
        Assert.Contains("Save this?", ConnectorText(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EightChoicesBecomeAnAdaptiveCardAtSchemaOneFiveWithEveryChoice()
    {
        var user = User();
        var prompt = Assert.Single(await user.SayAsync("pick a day"));
        var card = Assert.Single(prompt.Attachments);
        Assert.Equal(TeamsRendering.AdaptiveCardContentType, card.ContentType);
        var json = (JObject)card.Content;
        Assert.Equal("1.5", json.Value<string>("version"));
        var submits = json.SelectTokens("$.body[?(@.type == 'ActionSet')].actions[*]").ToList();
        Assert.Equal(8, submits.Count);
        Assert.All(submits, s => Assert.Equal("Action.Submit", s.Value<string>("type")));
        Assert.Equal("Not sure", submits[^1]["data"]!.Value<string>("text"));
        Assert.Equal("imBack", submits[^1].SelectToken("data.msteams.type")!.Value<string>());
        Assert.All(submits, s => Assert.True(s["data"]!.Value<string>("text")!.Length > 0));
    }

    [Fact]
    public async Task AnActionSubmitValueAnswersTheQuestion()
    {
        var user = User();
        await user.KeepsAJournalAsync();
        await user.SayAsync("pick a day");
        var submit = user.Message(string.Empty);
        submit.Text = null;
        submit.Value = JObject.FromObject(new { text = "Saturday" });
        await user.PostAsync(submit);
        Assert.Contains("Save this?", ConnectorText(_connector.Take()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdaptiveCardInvokeIsAnsweredWith200AndRoutedAsTheAnswer()
    {
        var user = User();
        await user.KeepsAJournalAsync();
        await user.SayAsync("pick a day");
        _connector.Take();

        var response = await user.PostAsync(user.CardAction(new { text = "Sunday" }));
        TeamsUser.AssertOk(response);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.Value<int>("statusCode"));
        Assert.Equal("application/vnd.microsoft.activity.message", body.Value<string>("type"));
        Assert.Contains("Save this?", ConnectorText(_connector.Take()), StringComparison.Ordinal);

        // And the invoke saves like a typed answer: "yes" through another card action.
        var saved = await user.PostAsync(user.CardAction(new { msteams = new { type = "imBack", value = "yes" } }));
        TeamsUser.AssertOk(saved);
        Assert.Contains("Saved.", ConnectorText(_connector.Take()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullCheckInInTeamsShapeIsSavedToTheUsersJournal()
    {
        var user = User();
        await user.PostAsync(user.Installed());
        var welcome = ConnectorText(_connector.Take());
        Assert.Contains(ContentFolders.Say(ConversationStrings.Welcome), welcome, StringComparison.Ordinal);

        var mood = await user.SayAsync("check in");
        Assert.Contains("0 to 10", ConnectorText(mood), StringComparison.Ordinal);
        Assert.All(mood, a => Assert.True(a.SuggestedActions is null || a.SuggestedActions.Actions.Count <= 3));
        Assert.NotEmpty(await user.SayAsync("7"));
        Assert.NotEmpty(await user.SayAsync("calm, a bit tired"));

        // A new user: the first save is asked as the one consent question; "yes" keeps a journal and saves.
        var save = await user.SayAsync("work was long but fine");
        Assert.Contains(ContentFolders.Say(PrivacyStrings.FirstSaveQuestion), ConnectorText(save), StringComparison.Ordinal);
        Assert.All(save, a => Assert.Equal("msteams", a.ChannelId));
        var done = await user.SayAsync("yes");
        Assert.Contains("Saved to your journal", ConnectorText(done), StringComparison.Ordinal);

        var entries = await _host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("msteams", user.UserId));
        Assert.Single(entries);
    }

    [Fact]
    public async Task TheUsersTeamsTimeZoneIsRememberedForDatePrompts()
    {
        var user = User();
        user.TimeZone = "Asia/Tokyo";
        await user.SayAsync("hi");
        var key = $"msteams/users/{user.UserId}";
        var state = (IDictionary<string, object>)(await _host.Services.GetRequiredService<IStorage>().ReadAsync([key]))[key];
        Assert.Equal("Asia/Tokyo", JObject.FromObject(state["profile"]).Value<string>("timeZone"));
    }

    [Fact]
    public async Task AProactiveMessageReachesTheStoredConversation()
    {
        var user = User();
        await user.PostAsync(user.Installed());
        _connector.Take();

        var messenger = _host.Services.GetRequiredService<ProactiveMessenger>();
        Assert.True(await messenger.SendAsync(UserKeys.From("msteams", user.UserId), MessageFactory.Text("Time for your Monday reflection.")));
        var delivered = Assert.Single(_connector.Take());
        Assert.Equal("Time for your Monday reflection.", delivered.Text);
        Assert.Equal(user.ConversationId, delivered.Conversation.Id);
        Assert.Equal(user.UserId, delivered.Recipient?.Id);

        Assert.False(await messenger.SendAsync(UserKeys.From("msteams", "29:nobody"), MessageFactory.Text("x")));
    }

    [Fact]
    public async Task AThrottledReplyIsRetriedAndDeliveredOnce()
    {
        var user = User();
        _connector.FailNext(429);
        var before = _connector.Attempts;
        var replies = await user.SayAsync("are you a bot?");
        Assert.Equal(2, _connector.Attempts - before);
        var reply = Assert.Single(replies);
        Assert.Equal(ContentFolders.Say(ConversationStrings.IAmABot), reply.Text);
    }

    [Fact]
    public async Task RetriesStopAfterTheLimitAndTheTurnFailsVisiblyInTheLog()
    {
        var user = User();
        _connector.FailNext(502, 504, 412, 429);
        var before = _connector.Attempts;
        await user.PostAsync(user.Message("are you a bot?"));

        // 1 attempt + 3 retries for the reply, all refused; then the apology gets through.
        Assert.Equal(5, _connector.Attempts - before);
        var delivered = Assert.Single(_connector.Take());
        Assert.Equal(ContentFolders.Say(ReflectBot.Hosting.HostingStrings.Apology), delivered.Text);
    }

    private static string ConnectorText(IEnumerable<Activity> activities) => BotClient.Read(activities);
}
#pragma warning restore CA1001

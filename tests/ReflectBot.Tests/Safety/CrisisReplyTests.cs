using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;
using ReflectBot.Conversation;

namespace ReflectBot.Tests.Safety;

/// <summary>What a user in crisis gets, whatever else is going on.</summary>
public sealed class CrisisReplyTests : IDisposable
{
    private readonly BotHost _host = new(null, ("Safety:OperatorKey", "operator-test-key"));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TheFirstMessageOfAConversationGetsEmpathyTheCardGroundingAndAWayBack()
    {
        var replies = await _host.Client().SayAsync("I want to die");
        var text = BotClient.Read(replies);
        Assert.Contains("glad you told me", text, StringComparison.Ordinal);
        Assert.True(Conversations.HasCrisisCard(replies));
        Assert.Contains("not an emergency service", text, StringComparison.Ordinal);
        Assert.Contains("5 things you can see", text, StringComparison.Ordinal);
        Assert.Contains("paused, not lost", text, StringComparison.Ordinal);
        Assert.Contains("back", replies.Last().SuggestedActions.Actions.Select(a => a.Title));

        // Region unknown (no time zone, nothing said): the international directory, and a way to say where.
        Assert.Contains("findahelpline.com", text, StringComparison.Ordinal);
        Assert.Contains("region UK", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/Chicago", "988")]
    [InlineData("Europe/London", "116 123")]
    [InlineData("Europe/Dublin", "116 123")]
    public async Task TheUsersTimeZoneFromTheChannelPicksTheRegionsLines(string zone, string number)
    {
        var bot = _host.Client();
        bot.TimeZone = zone;
        var text = BotClient.Read(await bot.SayAsync("I keep thinking about killing myself"));
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.DoesNotContain("findahelpline", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUSCardHas988AndCrisisTextLine()
    {
        var bot = _host.Client();
        Assert.Contains("United States", BotClient.Read(await bot.SayAsync("region US")), StringComparison.Ordinal);
        var text = BotClient.Read(await bot.SayAsync("I want to end my life"));
        Assert.Contains("Call or text 988", text, StringComparison.Ordinal);
        Assert.Contains("Text HOME to 741741", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRegionTheUserNamedBeatsTheTimeZoneAndUKShowsSamaritansAndShout()
    {
        var bot = _host.Client();
        bot.TimeZone = "America/New_York";
        await bot.SayAsync("my region is the UK");
        var text = BotClient.Read(await bot.SayAsync("I cut myself last night"));
        Assert.Contains("Samaritans", text, StringComparison.Ordinal);
        Assert.Contains("85258", text, StringComparison.Ordinal);
        Assert.DoesNotContain("988", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsClientInfoCountryPicksTheRegion()
    {
        var bot = _host.Client(channelId: "msteams");
        var message = bot.Message("he threatened to kill me");
        message.Entities = [new Entity("clientInfo") { Properties = new JObject { ["country"] = "IE", ["locale"] = "en-IE", ["platform"] = "web" } }];
        var text = BotClient.Read(await bot.SendAsync(message));
        Assert.Contains("Samaritans Ireland", text, StringComparison.Ordinal);
        Assert.Contains("safe", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MidJourneyTheJourneyIsPausedAndBackResumesTheSameQuestion()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        await bot.SayAsync("2");
        Assert.True(Conversations.HasCrisisCard(await bot.SayAsync("I don't want to be alive anymore")));

        // The message was not taken as the answer: "back" asks the same question again.
        Assert.Contains("feeling", BotClient.Read(await bot.SayAsync("back")), StringComparison.OrdinalIgnoreCase);
        await bot.SayAsync("heavy");
        await bot.SayAsync("a hard night");
        await bot.SayAsync("yes");
        var entry = Assert.Single(await _host.Services.GetRequiredService<ReflectBot.Journal.IJournalStore>().ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Equal("heavy", entry.Answers["feelings"]);
        Assert.DoesNotContain(entry.Answers.Values, a => a.Contains("alive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheUsersSafetyPlanIsShownFirst()
    {
        var bot = _host.Client();
        var none = BotClient.Read(await bot.SayAsync("safety plan"));
        Assert.Contains("don't have a safety plan yet", none, StringComparison.Ordinal);
        Assert.Contains("warning signs", none, StringComparison.Ordinal);
        foreach (var answer in new[] { "not sleeping, pulling away", "a long shower", "my cousin Ana", "call Ana", "Dr Lee", "give my pills to Ana", "my dog Pepper" })
        {
            await bot.SayAsync(answer);
        }

        Assert.Contains("safety plan is saved", BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);
        Assert.Contains("my dog Pepper", BotClient.Read(await bot.SayAsync("safety plan")), StringComparison.Ordinal);

        var replies = await bot.SayAsync("I can't go on");
        var texts = replies.Select(BotClient.ReadOne).ToList();
        var plan = texts.FindIndex(t => t.Contains("my dog Pepper", StringComparison.Ordinal));
        var card = texts.FindIndex(t => t.Contains(CrisisReply.CardTitle, StringComparison.Ordinal));
        Assert.True(plan >= 0 && card > plan, string.Join(" | ", texts));
        Assert.Contains("My reasons for living", texts[plan], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASafetyEventHoldsNoTextAndTheOperatorGetsCountsPerClass()
    {
        var bot = _host.Client();
        await bot.SayAsync("I want to die");
        await bot.SayAsync("my husband hits me");
        await bot.SayAsync("I killed it at work today");

        // Two events (the idiom is not one), each filed under a hash of the user, holding no text and no user id;
        // on disk they are sealed, so not even their class is in clear.
        var store = _host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Safety);
        var keys = new List<string>();
        await foreach (var key in store.ListAsync("events"))
        {
            keys.Add(key);
        }

        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(bot.UserId, key, StringComparison.Ordinal);
            var json = JObject.Parse(System.Text.Encoding.UTF8.GetString((await store.ReadAsync(key))!.Content.Span));
            Assert.Equal(["id", "timeUtc", "owner", "class", "offered", "channel"], json.Properties().Select(p => p.Name));
            Assert.Equal(key.Split('/')[1], json.Value<string>("owner"));
            Assert.DoesNotContain("die", json.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("husband", json.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(bot.UserId, json.ToString(), StringComparison.Ordinal);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(_host.DataPath, "safety"), "*.item", SearchOption.AllDirectories))
        {
            Assert.True(ReflectBot.Journal.ItemCipher.IsSealed(await File.ReadAllBytesAsync(file)), file);
        }

        var http = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/admin/safety-events", UriKind.Relative))).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/safety-events?from=2000-01-01&to=2100-01-01");
        request.Headers.Add(SafetyAdminEndpoints.KeyHeader, "operator-test-key");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, counts.Value<int>("total"));
        Assert.Equal(1, counts["byClass"]!.Value<int>("suicidal"));
        Assert.Equal(1, counts["byClass"]!.Value<int>("abuse"));

        using var empty = new HttpRequestMessage(HttpMethod.Get, "/admin/safety-events?from=2000-01-01&to=2000-02-01");
        empty.Headers.Add(SafetyAdminEndpoints.KeyHeader, "operator-test-key");
        Assert.Equal(0, JObject.Parse(await (await http.SendAsync(empty)).Content.ReadAsStringAsync()).Value<int>("total"));
    }

    [Fact]
    public async Task WithoutAnOperatorKeyTheCountsEndpointDoesNotExist()
    {
        using var host = new BotHost();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/safety-events");
        request.Headers.Add(SafetyAdminEndpoints.KeyHeader, string.Empty);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task TheCrisisCardGoesOutWhenStorageIsDown()
    {
        using var host = new BotHost { TestServices = FailingStores.Install };
        var bot = host.Client();
        bot.TimeZone = "America/Denver";

        // Storage really is down: an ordinary message gets the one-line storage message, and only that.
        Assert.Equal(StorageMessages.CouldNotSave, BotClient.Read(await bot.SayAsync("check in")));

        var replies = await bot.SayAsync("I'm going to kill myself tonight");
        Assert.True(Conversations.HasCrisisCard(replies));
        var text = BotClient.Read(replies);
        Assert.Contains("988", text, StringComparison.Ordinal);
        Assert.Contains("5 things you can see", text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", text, StringComparison.Ordinal);
    }
}

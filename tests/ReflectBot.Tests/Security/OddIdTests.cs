using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// Blank, odd and prefix sender ids on /api/messages (no app id, from this machine, as the default host
/// runs): none of them reads, changes or deletes another user's journal. Ids no channel sends are refused
/// with 400 before any store is called; odd but usable ids are a user of their own.
/// </summary>
public sealed class OddIdTests : IAsyncLifetime, IDisposable
{
    private readonly StoreCalls _calls = new();
    private readonly BotHost _host;

    public OddIdTests()
    {
        _host = new BotHost { TestServices = _calls.Install };
    }

    public async Task InitializeAsync()
    {
        // Two victims whose ids begin alike, each with one saved check-in.
        await _host.Client(userId: "al", conversationId: "conv-al").CheckInAsync(3, "al-feeling", "al-secret");
        await _host.Client(userId: "alice", conversationId: "conv-alice").CheckInAsync(8, "alice-feeling", "alice-secret");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> Refused => ["empty", "space", "ten-thousand", "lone-surrogate", "control", "padded"];

    public static TheoryData<string> OwnUser => ["slash", "dot-dot", "a/b", "percent", "webchat-prefix"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AnUnusableSenderIdIsRefusedWithNoStoreCallAndNothingOfAnyoneIsTouched(string which)
    {
        var id = IdFor(which);
        var before = _calls.Count;
        foreach (var text in new[] { "my journal", "delete my data", "yes" })
        {
            var response = await PostAsync(Message("webchat", id, text));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("from.id", body, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, _calls.Count);
        await VictimsAreIntactAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Webchat")]
    [InlineData("web chat")]
    [InlineData("webchat/al")]
    public async Task AnUnusableChannelIdIsRefusedWithNoStoreCall(string channelId)
    {
        var before = _calls.Count;
        foreach (var id in new[] { "webchat", "webchat/al", "al" })
        {
            var response = await PostAsync(Message(channelId, id, "my journal"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(before, _calls.Count);
        await VictimsAreIntactAsync();
    }

    [Fact]
    public async Task AnUnusableConversationIdIsRefusedWithNoStoreCall()
    {
        var before = _calls.Count;
        foreach (var conversation in new[] { string.Empty, " ", new string('c', 600), "conv\u0000" })
        {
            var activity = Message("webchat", "al", "my journal");
            activity.Conversation = new ConversationAccount(id: conversation);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(activity)).StatusCode);
        }

        Assert.Equal(before, _calls.Count);
        await VictimsAreIntactAsync();
    }

    [Theory]
    [MemberData(nameof(OwnUser))]
    public async Task AnOddButUsableIdIsAUserOfItsOwnAndSeesAndDeletesNobodyElse(string which)
    {
        var id = IdFor(which);
        var bot = new BotClient(_host.CreateClient(), id, "conv-odd", "webchat");
        var listing = BotClient.Read(await bot.SayAsync("my journal"));
        Assert.Contains("Your journal is empty", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("check-in", listing, StringComparison.OrdinalIgnoreCase);

        await bot.SayAsync("delete my data");
        Assert.Contains("deleted everything", BotClient.Read(await bot.SayAsync("yes")), StringComparison.Ordinal);
        await VictimsAreIntactAsync();
    }

    [Theory]
    [InlineData("", "webchat")]
    [InlineData("", "webchat/al")]
    [InlineData("webchat", "/al")]
    [InlineData("webchat", "al/..")]
    public async Task APrefixOfAnotherUsersKeyReadsAndDeletesNothing(string channelId, string id)
    {
        foreach (var text in new[] { "my journal", "read 1", "export", "delete my data", "yes" })
        {
            var response = await PostAsync(Message(channelId, id, text));
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("al-secret", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Daily check-in", body, StringComparison.Ordinal);
        }

        await VictimsAreIntactAsync();
    }

    private static string IdFor(string which) => which switch
    {
        "empty" => string.Empty,
        "space" => " ",
        "ten-thousand" => new string('x', 10_000),
        "lone-surrogate" => "al\uD800",
        "control" => "al\u0007",
        "padded" => " al",
        "slash" => "/",
        "dot-dot" => "..",
        "a/b" => "a/b",
        "percent" => "al%2F..%2Falice",
        "webchat-prefix" => "webchat",
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    private static Activity Message(string channelId, string userId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = channelId,
        ServiceUrl = "http://localhost/connector-not-used",
        From = new ChannelAccount(userId, "Mallory"),
        Recipient = new ChannelAccount("bot", "ReflectBot"),
        Conversation = new ConversationAccount(id: "conv-attacker"),
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    // Escaped, so a lone surrogate reaches the server as one (UTF-8 could not carry it raw).
    private Task<HttpResponseMessage> PostAsync(Activity activity)
        => _host.CreateClient().PostAsync(
            new Uri("/api/messages", UriKind.Relative),
            new StringContent(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { StringEscapeHandling = StringEscapeHandling.EscapeNonAscii }), Encoding.UTF8, "application/json"));

    private async Task VictimsAreIntactAsync()
    {
        var journal = _host.Services.GetRequiredService<IJournalStore>();
        var al = Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "al")));
        Assert.Equal("al-secret", al.Answers["on-mind"]);
        var alice = Assert.Single(await journal.ListAsync(UserKeys.From("webchat", "alice")));
        Assert.Equal("alice-secret", alice.Answers["on-mind"]);

        // And each still reads their own, as before.
        var listing = BotClient.Read(await _host.Client(userId: "al", conversationId: "conv-al").SayAsync("my journal"));
        Assert.Contains("Daily check-in", listing, StringComparison.Ordinal);
    }
}

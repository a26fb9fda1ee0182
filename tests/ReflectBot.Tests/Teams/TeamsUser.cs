using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Teams;

/// <summary>
/// Sends activities shaped as Teams sends them (channel msteams, Teams channelData with the tenant, the
/// user's locale and time zone) to /api/messages, without expectReplies: the bot's replies go to the
/// service URL, the <see cref="ConnectorStandIn"/>.
/// </summary>
public sealed class TeamsUser(HttpClient http, ConnectorStandIn connector, string userId = "29:1user-aad", string conversationType = "personal")
{
    public const string TenantId = "72f988bf-0000-4000-8000-2d7cd011db47";

    public const string BotId = "28:reflectbot";

    public string UserId { get; } = userId;

    public string ConversationId { get; } = conversationType == "personal" ? $"a:1personal-{userId}" : $"19:group-{Guid.NewGuid():N}@thread.v2";

    public string ConversationType { get; } = conversationType;

    public string Locale { get; set; } = "en-GB";

    public string TimeZone { get; set; } = "Europe/London";

    public Activity Shape(string type) => new()
    {
        Type = type,
        Id = $"1{Random.Shared.NextInt64(100_000_000_000, 999_999_999_999)}",
        ChannelId = "msteams",
        ServiceUrl = connector.Url,
        From = new ChannelAccount(UserId, "Alex Example", aadObjectId: "00000000-0000-4000-8000-00000000a1e5"),
        Recipient = new ChannelAccount(BotId, "ReflectBot"),
        Conversation = new ConversationAccount(isGroup: ConversationType != "personal", conversationType: ConversationType, id: ConversationId, tenantId: TenantId),
        ChannelData = JObject.FromObject(new { tenant = new { id = TenantId } }),
        Locale = Locale,
        LocalTimezone = TimeZone,
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = DateTimeOffset.Now,
    };

    public Activity Message(string text)
    {
        var activity = Shape(ActivityTypes.Message);
        activity.Text = text;
        activity.TextFormat = "plain";
        return activity;
    }

    public Activity Installed()
    {
        var activity = Shape(ActivityTypes.InstallationUpdate);
        activity.Action = "add";
        return activity;
    }

    public Activity Uninstalled()
    {
        var activity = Shape(ActivityTypes.InstallationUpdate);
        activity.Action = "remove";
        return activity;
    }

    /// <summary>conversationUpdate as Teams sends it when the app is added: the bot is the member added.</summary>
    public Activity BotAdded()
    {
        var activity = Shape(ActivityTypes.ConversationUpdate);
        activity.MembersAdded = [new ChannelAccount(BotId)];
        return activity;
    }

    /// <summary>An Adaptive Card Action.Execute, which Teams sends as an invoke.</summary>
    public Activity CardAction(object data)
    {
        var activity = Shape(ActivityTypes.Invoke);
        activity.Name = "adaptiveCard/action";
        activity.Value = JObject.FromObject(new { action = new { type = "Action.Execute", verb = "answer", data }, trigger = "manual" });
        return activity;
    }

    /// <summary>Posts an activity; returns the HTTP response (its body is the invoke response, if any).</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        var response = await http.PostAsync(
            new Uri("/api/messages", UriKind.Relative),
            new StringContent(JsonConvert.SerializeObject(activity), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Says something and returns what the connector received for it.</summary>
    public async Task<List<Activity>> SayAsync(string text)
    {
        connector.Take();
        await PostAsync(Message(text));
        return connector.Take();
    }

    /// <summary>
    /// The user says "journal on", as someone who already agreed to keep a journal has: a journey's own
    /// save question is then asked instead of the first-time consent question (Privacy/ConsentGate).
    /// </summary>
    public async Task KeepsAJournalAsync()
    {
        var replies = await SayAsync("journal on");
        Assert.Contains("I'll keep a journal for you", string.Join("\n", replies.Select(r => r.Text)), StringComparison.Ordinal);
    }

    public static void AssertOk(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);
}

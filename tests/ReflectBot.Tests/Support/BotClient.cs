using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Tests.Support;

/// <summary>
/// Talks to /api/messages the way a channel does, with deliveryMode "expectReplies" so the bot's replies
/// come back in the response body instead of being posted to a connector.
/// </summary>
public sealed class BotClient(HttpClient http, string userId, string conversationId, string channelId)
{
    public HttpClient Http { get; } = http;

    public string UserId { get; } = userId;

    public string ConversationId { get; } = conversationId;

    public string ChannelId { get; } = channelId;

    public string? TimeZone { get; set; }

    /// <summary>The display name the channel sends.</summary>
    public string Name { get; init; } = "Test user";

    /// <summary>The serviceUrl the channel sends; a placeholder nobody is called on when none is given.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The user's key in the bot's stores.</summary>
    public string Key => ReflectBot.Kernel.UserKeys.From(ChannelId, UserId);

    /// <summary>The Authorization header's token for an activity (a channel's token, for a host with an app id); none when null.</summary>
    public Func<Activity, string>? Token { get; init; }

    /// <summary>The Entra object id Teams sends with a user (null elsewhere).</summary>
    public string? AadObjectId { get; init; }

    public Activity Message(string? text, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl ?? "http://localhost/connector-not-used",
        From = new ChannelAccount(UserId, Name, aadObjectId: AadObjectId),
        Recipient = new ChannelAccount("bot", "ReflectBot"),
        Conversation = new ConversationAccount(id: ConversationId),
        Locale = "en-US",
        LocalTimezone = TimeZone,
        Timestamp = DateTimeOffset.UtcNow,
        DeliveryMode = DeliveryModes.ExpectReplies,
    };

    /// <summary>Sends a message and returns the bot's replies as one text, as a person reads them.</summary>
    public async Task<string> ReadAsync(string? text) => Read(await SayAsync(text));

    /// <summary>Sends a message and returns the bot's replies.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string? text)
        => await SendAsync(Message(text));

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        var response = await PostAsync(JsonConvert.SerializeObject(activity), token: Token?.Invoke(activity));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return Replies(body);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json", string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return Http.SendAsync(request);
    }

    /// <summary>The text of every reply, cards' text included, joined: what a person would read.</summary>
    public static string Read(IEnumerable<Activity> replies)
        => string.Join("\n", replies.Select(ReadOne));

    public static string ReadOne(Activity activity)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(activity.Text))
        {
            parts.Add(activity.Text);
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is JObject card)
            {
                parts.AddRange(new[] { "title", "subtitle", "text" }.Select(f => card.Value<string>(f)).OfType<string>());
            }
        }

        return string.Join("\n", parts);
    }

    private static IReadOnlyList<Activity> Replies(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        var json = JToken.Parse(body);
        var activities = json is JObject obj && obj["activities"] is JArray list ? list : json as JArray ?? [];
        return [.. activities.Select(a => a.ToObject<Activity>()!)];
    }
}

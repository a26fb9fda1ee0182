using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Tests.Channels;

/// <summary>A Direct Line client the way botframework-directlinejs polls: plain HTTP with a bearer token.</summary>
public sealed class DirectLineSession(HttpClient http, string conversationId, string token)
{
    public HttpClient Http { get; } = http;

    public string ConversationId { get; } = conversationId;

    public string Token { get; set; } = token;

    /// <summary>The user id the token carries (its "user" claim).</summary>
    public string UserId => (string)Payload(Token)["user"]!;

    public static async Task<DirectLineSession> GenerateAsync(HttpClient http)
    {
        var response = await http.PostAsync(new Uri("v3/directline/tokens/generate", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new DirectLineSession(http, (string)grant["conversationId"]!, (string)grant["token"]!);
    }

    /// <summary>Generates a token and starts the conversation (the welcome is in the log when this returns).</summary>
    public static async Task<DirectLineSession> StartAsync(HttpClient http)
    {
        var session = await GenerateAsync(http);
        var response = await session.SendAsync(HttpMethod.Post, "v3/directline/conversations");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return session;
    }

    public static JObject Payload(string token)
    {
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var bearer = token ?? Token;
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public async Task<string> SayAsync(string text)
    {
        var response = await PostActivityAsync(new JObject { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = "someone-else" } }.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return (string)JObject.Parse(body)["id"]!;
    }

    public Task<HttpResponseMessage> PostActivityAsync(string body, string? conversationId = null)
        => SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities", body);

    public Task<HttpResponseMessage> GetActivitiesAsync(string? watermark = null, string? conversationId = null, string? token = null)
        => SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId ?? ConversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark), token: token);

    public async Task<(JArray Activities, string Watermark)> ActivitiesAsync(string? watermark = null)
    {
        var response = await GetActivitiesAsync(watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = JObject.Parse(await response.Content.ReadAsStringAsync());
        return ((JArray)set["activities"]!, (string)set["watermark"]!);
    }

    /// <summary>What the bot said, messages only, in order.</summary>
    public async Task<string> BotTextAsync(string? watermark = null)
    {
        var (activities, _) = await ActivitiesAsync(watermark);
        return string.Join("\n", activities
            .Where(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot")
            .SelectMany(a => new[] { (string?)a["text"] }.Concat(a["attachments"]?.Select(x => (string?)x["content"]?["text"]) ?? []))
            .OfType<string>());
    }
}

using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Benchmarks;

/// <summary>Posts one message activity with deliveryMode expectReplies and returns the replies' text.</summary>
public sealed class Turns(HttpClient http)
{
    public async Task<(bool Ok, string Text)> SayAsync(string user, string conversation, string text, CancellationToken cancellationToken = default)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://localhost/connector-not-used",
            ["from"] = new JObject { ["id"] = user, ["name"] = "Bench" },
            ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "ReflectBot" },
            ["conversation"] = new JObject { ["id"] = conversation },
            ["locale"] = "en-US",
            ["deliveryMode"] = "expectReplies",
        };
        using var content = new StringContent(activity.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (false, body);
        }

        var replies = JObject.Parse(body)["activities"] as JArray ?? [];
        var said = string.Join("\n", replies.Select(r => r.Value<string>("text")).Where(t => t is not null));
        var ok = !said.Contains("couldn't save", StringComparison.Ordinal) && !said.Contains("crossed", StringComparison.Ordinal) && !said.Contains("went wrong", StringComparison.Ordinal);
        return (ok, said);
    }

    /// <summary>The five messages of one daily check-in, over and over.</summary>
    public static readonly string[] CheckIn = ["check in", "4", "steady", "a quiet day", "yes"];
}

using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Channels.DirectLine;

/// <summary>Activities travel as the Bot Framework's Newtonsoft JSON; errors in Direct Line's error shape.</summary>
internal static class DirectLineJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>An activity from a request body, or null with the reason it is not one.</summary>
    public static Activity? ParseActivity(string body, out string? problem)
    {
        problem = null;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.DateTimeOffset, MaxDepth = 64 };
            if (JToken.ReadFrom(reader) is not JObject json)
            {
                problem = "the body is not a JSON object";
                return null;
            }

            if (json["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
            {
                problem = "the activity has no type";
                return null;
            }

            return json.ToObject<Activity>(Serializer);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidCastException or FormatException)
        {
            problem = "the body is not a valid activity";
            return null;
        }
    }

    public static IResult Json(string json, int status = StatusCodes.Status200OK)
        => Results.Text(json, "application/json", statusCode: status);

    public static IResult Error(int status, string code, string message)
        => Json(Serialize(new { error = new { code, message } }), status);
}

using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Newtonsoft.Json;

namespace ReflectBot.Hosting;

/// <summary>
/// The Bot Framework's own JSON settings for activities (what CloudAdapter reads and writes with), copied so
/// the endpoint's one parse and the adapter's compact replies read and write activities exactly as the SDK
/// does, with only the one setting each changes.
/// </summary>
internal static class BotMessageJson
{
    public static JsonSerializer Serializer(Action<JsonSerializerSettings> own)
    {
        ArgumentNullException.ThrowIfNull(own);
        var sdk = HttpHelper.BotMessageSerializerSettings;
        var settings = new JsonSerializerSettings
        {
            NullValueHandling = sdk.NullValueHandling,
            DateFormatHandling = sdk.DateFormatHandling,
            DateTimeZoneHandling = sdk.DateTimeZoneHandling,
            DateParseHandling = sdk.DateParseHandling,
            ReferenceLoopHandling = sdk.ReferenceLoopHandling,
            ContractResolver = sdk.ContractResolver,
            Converters = sdk.Converters,
        };
        own(settings);
        return JsonSerializer.Create(settings);
    }
}

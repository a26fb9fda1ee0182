using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;

namespace ReflectBot.Safety;

/// <summary>
/// Which region's crisis lines to show: the one the user named, else the country the channel reports
/// (Teams sends a clientInfo entity with country and timezone), else the user's time zone, else none
/// (the international directory).
/// </summary>
public static class RegionResolver
{
    public static CrisisRegion? Resolve(CrisisResources resources, IActivity activity, string? profileRegion, string? profileTimeZone)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(activity);
        var clientInfo = ClientInfo(activity);
        return resources.ById(profileRegion)
            ?? resources.ByCountry(clientInfo?.Value<string>("country"))
            ?? resources.ByTimeZone(clientInfo?.Value<string>("timezone"))
            ?? resources.ByTimeZone((activity as Activity)?.LocalTimezone)
            ?? resources.ByTimeZone(profileTimeZone);
    }

    private static JObject? ClientInfo(IActivity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))
            {
                return JObject.FromObject(entity);
            }
        }

        return null;
    }
}

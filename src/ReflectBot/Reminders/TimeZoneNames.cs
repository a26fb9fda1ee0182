using System.Text.RegularExpressions;

namespace ReflectBot.Reminders;

/// <summary>
/// A time zone from the words a person uses for it: an IANA id ("Europe/London"), a city the zone database names
/// ("New York", "sao paulo"), or a common name ("eastern", "UK", "GMT"). The cities come from the machine's own
/// zone database, so nothing here goes stale when a zone is added.
/// </summary>
public static partial class TimeZoneNames
{
    // Names people use that are no zone's city, in the form Key gives them ("US_EASTERN" for "us eastern"). Kept to
    // the unambiguous ones: "central" alone means the US here, as it does in most people's mouths; Australia's zones
    // are asked for by city ("Sydney", "Perth").
    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["UK"] = "Europe/London", ["BRITAIN"] = "Europe/London", ["GREAT_BRITAIN"] = "Europe/London", ["ENGLAND"] = "Europe/London",
        ["SCOTLAND"] = "Europe/London", ["WALES"] = "Europe/London", ["NORTHERN_IRELAND"] = "Europe/London", ["BST"] = "Europe/London",
        ["IRELAND"] = "Europe/Dublin", ["GMT"] = "Etc/UTC", ["UTC"] = "Etc/UTC",
        ["EASTERN"] = "America/New_York", ["US_EASTERN"] = "America/New_York", ["EST"] = "America/New_York", ["EDT"] = "America/New_York", ["ET"] = "America/New_York",
        ["CENTRAL"] = "America/Chicago", ["US_CENTRAL"] = "America/Chicago", ["CST"] = "America/Chicago", ["CDT"] = "America/Chicago",
        ["MOUNTAIN"] = "America/Denver", ["US_MOUNTAIN"] = "America/Denver", ["MST"] = "America/Denver", ["MDT"] = "America/Denver",
        ["PACIFIC"] = "America/Los_Angeles", ["US_PACIFIC"] = "America/Los_Angeles", ["PST"] = "America/Los_Angeles", ["PDT"] = "America/Los_Angeles",
        ["ALASKA"] = "America/Anchorage", ["HAWAII"] = "Pacific/Honolulu", ["ATLANTIC"] = "America/Halifax", ["NEWFOUNDLAND"] = "America/St_Johns",
        ["NEW_ZEALAND"] = "Pacific/Auckland", ["NZ"] = "Pacific/Auckland", ["INDIA"] = "Asia/Kolkata", ["IST"] = "Asia/Kolkata",
        ["CET"] = "Europe/Paris", ["CENTRAL_EUROPEAN"] = "Europe/Paris", ["JAPAN"] = "Asia/Tokyo", ["SINGAPORE"] = "Asia/Singapore",
    };

    private static readonly Lazy<Dictionary<string, string>> Cities = new(ReadCities);

    /// <summary>The zone the words name, or null when they name none.</summary>
    public static TimeZoneInfo? Find(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var name = words.Trim().TrimEnd('.', '!', '?').Trim();
        if (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }

        name = TimeWords().Replace(name, string.Empty).TrimEnd();

        if (name.Length is 0 or > 60)
        {
            return null;
        }

        if (name.Contains('/', StringComparison.Ordinal) && Dialogs.Prompts.TimeZones.TryFind(name, out var byId))
        {
            return byId;
        }

        var id = Common.GetValueOrDefault(Key(name)) ?? Cities.Value.GetValueOrDefault(Key(name));
        return id is not null && Dialogs.Prompts.TimeZones.TryFind(id, out var zone) ? zone : null;
    }

    /// <summary>"America/New_York" as people say it: "New York".</summary>
    public static string CityOf(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var last = zone.Id[(zone.Id.LastIndexOf('/') + 1)..];
        return last.Replace('_', ' ');
    }

    private static string Key(string name) => string.Join('_', name.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    // Each zone's last part is its city ("America/Argentina/Buenos_Aires" → "Buenos_Aires"). Where two ids share a
    // city (an old alias and the canonical one), the shorter id, then the first in order, is kept: the same every run.
    private static Dictionary<string, string> ReadCities()
    {
        var cities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones().OrderBy(z => z.Id.Length).ThenBy(z => z.Id, StringComparer.Ordinal))
        {
            if (!zone.Id.Contains('/', StringComparison.Ordinal) || zone.Id.StartsWith("Etc/", StringComparison.Ordinal))
            {
                continue;
            }

            cities.TryAdd(Key(zone.Id[(zone.Id.LastIndexOf('/') + 1)..]), zone.Id);
        }

        return cities;
    }

    // "eastern time", "pacific time zone", "new york timezone": the zone's name without the words for it.
    [GeneratedRegex(@"(\s+time)?(\s*zone)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeWords();
}

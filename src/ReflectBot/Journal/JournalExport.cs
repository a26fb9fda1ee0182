using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Storage;

namespace ReflectBot.Journal;

/// <summary>The whole journal as files a user can keep: Markdown to read, JSON to move elsewhere.</summary>
public static class JournalExport
{
    public const string Markdown = "md";
    public const string Json = "json";

    public static (string ContentType, string FileName, string Content) Render(string format, IReadOnlyList<JournalEntry> entries, TimeZoneInfo zone, DateTimeOffset utcNow, JourneyCatalog? catalog, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var day = utcNow.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (format == Json)
        {
            var document = new JObject
            {
                ["format"] = "reflectbot-journal/1",
                ["exportedUtc"] = utcNow,
                ["timeZone"] = zone.Id,
                ["entries"] = JArray.FromObject(entries.OrderBy(e => e.CreatedUtc), StoreJson.Serializer),
            };
            return ("application/json", $"journal-{day}.json", document.ToString(Formatting.Indented));
        }

        return ("text/markdown; charset=utf-8", $"journal-{day}.md", JournalFormat.Markdown(entries, zone, utcNow, catalog, strings));
    }
}

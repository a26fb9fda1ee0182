using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Storage;

namespace ReflectBot.Clinic;

/// <summary>
/// Counts the safety feature's records on the "safety" item store, assumed to be one item per event under
/// {user}/…. Only a timestamp is read from each record, so no content can reach a clinician; a record
/// without a recognisable timestamp is counted.
/// </summary>
public sealed class ItemStoreSafetyEventCounter([FromKeyedServices(ItemStoreNames.Safety)] IItemStore items) : ISafetyEventCounter
{
    private static readonly string[] TimeFields = ["createdUtc", "occurredUtc", "atUtc", "utc", "at", "timestamp", "time"];

    public async Task<int> CountAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var key in items.ListAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            var item = await items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (item is not null && (WhenOf(item) is not { } at || at >= since))
            {
                count++;
            }
        }

        return count;
    }

    private static DateTimeOffset? WhenOf(StoredItem item)
    {
        try
        {
            var json = JObject.Parse(Encoding.UTF8.GetString(item.Content.Span));
            foreach (var field in TimeFields)
            {
                if (json.GetValue(field, StringComparison.OrdinalIgnoreCase) is JValue value
                    && DateTimeOffset.TryParse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                {
                    return at;
                }
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Not JSON we can read (perhaps encrypted): count it, without a date.
        }

        return null;
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Journal;
using ReflectBot.Storage;

namespace ReflectBot.Safety;

/// <summary>
/// The user's current safety plan, one item (<c>plans/{user}</c> in the "safety" store, which seals it), so the
/// crisis reply reads one item instead of searching the journal. Kept up to date from the journal: every
/// saved safety-plan entry replaces it.
/// </summary>
public sealed class SafetyPlanStore([FromKeyedServices(ItemStoreNames.Safety)] IItemStore items) : IJournalObserver
{
    public async Task<JournalEntry?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        try
        {
            var item = await items.ReadAsync(KeyOf(userId), cancellationToken).ConfigureAwait(false);
            return item is null ? null : JsonConvert.DeserializeObject<JournalEntry>(Encoding.UTF8.GetString(item.Content.Span), StoreJson.Settings);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken = default)
        => items.DeleteAsync(KeyOf(userId), cancellationToken);

    public async Task OnSavedAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.JourneyId != SafetyPlan.JourneyId)
        {
            return;
        }

        await items.WriteAsync(KeyOf(entry.UserId), Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(entry, StoreJson.Settings)), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string KeyOf(string userId) => $"plans/{userId}";
}

using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Journal;
using ReflectBot.Storage;

namespace ReflectBot.Safety;

/// <summary>
/// The user's current safety plan, one encrypted item (<c>plans/{user}</c> in the "safety" store), so the
/// crisis reply reads one item instead of searching the journal. Kept up to date from the journal: every
/// saved safety-plan entry replaces it.
/// </summary>
public sealed class SafetyPlanStore([FromKeyedServices(ItemStoreNames.Safety)] IItemStore items, ItemCipher cipher) : IJournalObserver
{
    public async Task<JournalEntry?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(userId);
        var item = await items.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<JournalEntry>(cipher.Open(ItemStoreNames.Safety, key, item.Content.Span), StoreJson.Settings);
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

        var key = KeyOf(entry.UserId);
        await items.WriteAsync(key, cipher.Seal(ItemStoreNames.Safety, key, JsonConvert.SerializeObject(entry, StoreJson.Settings)), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string KeyOf(string userId) => $"plans/{userId}";
}

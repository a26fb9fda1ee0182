using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Clinic;
using ReflectBot.Content;
using ReflectBot.Kernel;
using ReflectBot.Privacy;
using ReflectBot.Safety;
using ReflectBot.Storage;

namespace ReflectBot.Upgrade;

/// <summary>
/// "delete my data" for what an earlier build kept under the user's key of then (<c>{channel}/{id}</c>) and
/// <c>upgrade-data</c> has not moved yet: without it, a person who deleted their data between the deployment
/// and the upgrade would find their old journal, plan and clinic link back afterwards. Each store is reached
/// at the user's exact places of then, never a prefix (an old id may hold '/', so "webchat/a" is also the
/// folder above "webchat/a/b"'s entries). Safety events are made anonymous, as for the key of today.
/// </summary>
public sealed class LegacyDataEraser(
    [FromKeyedServices(ItemStoreNames.Journal)] IItemStore journal,
    [FromKeyedServices(ItemStoreNames.Safety)] IItemStore safety,
    [FromKeyedServices(ItemStoreNames.References)] IItemStore references,
    SafetyEventStore events,
    ClinicStore clinic,
    ClinicLinks links,
    ClientRecords clients,
    StringCatalog strings) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        UserKeys.EnsureKey(userId);
        var earlier = $"{UserKeys.ChannelOf(userId)}/{UserKeys.UserIdOf(userId)}";
        var count = 0;

        // {channel}/{id}/{entry}: only the entries right under the user's own folder.
        var entries = new List<string>();
        await foreach (var key in journal.ListAsync(earlier, cancellationToken).ConfigureAwait(false))
        {
            if (key.Length > earlier.Length + 1 && key.StartsWith(earlier + "/", StringComparison.Ordinal) && !key[(earlier.Length + 1)..].Contains('/', StringComparison.Ordinal))
            {
                entries.Add(key);
            }
        }

        foreach (var key in entries)
        {
            count += await journal.DeleteAsync(key, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        count += await safety.DeleteAsync($"plans/{earlier}", cancellationToken).ConfigureAwait(false) ? 1 : 0;
        count += await references.DeleteAsync(earlier, cancellationToken).ConfigureAwait(false) ? 1 : 0;

        // Events that named the user, or were filed under the hash of the key of then: anonymous counts now.
        await events.ForgetUserAsync(earlier, cancellationToken).ConfigureAwait(false);

        // The clinic's keys held the key of then escaped whole, one segment, so its own eraser reaches exactly them.
        var clinical = await new ClinicDataEraser(clinic, links, clients, strings).EraseAsync(earlier, cancellationToken).ConfigureAwait(false);
        return count == 0 && clinical is null ? null : strings[UpgradeStrings.ErasedEarlier];
    }
}

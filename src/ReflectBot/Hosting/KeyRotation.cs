using Microsoft.Bot.Builder;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Hosting;

/// <summary>
/// <c>rotate-keys</c>: re-seals every record (state, journal, safety, references, clinic) that is not
/// sealed with the current key (Journal:EncryptionKey), including records written before sealing
/// existed, and moves safety events that still name their user under the hash of the user's key (today's
/// key, even when the event names the key as earlier builds wrote it: see <c>upgrade-data</c>). Safe while the bot
/// runs (each record is written back only if unchanged) and safe to run again. Says which keys then seal
/// nothing and can be retired; exits 1 when a record could not be opened (its key is not configured).
/// </summary>
public static class KeyRotation
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        JournalKeyRing ring;
        try
        {
            ring = services.GetRequiredService<JournalKeyRing>();
        }
        catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        var tally = new ResealTally();
        try
        {
            var (migrated, refused) = await services.GetRequiredService<SafetyEventStore>().MigrateLegacyAsync(cancellationToken).ConfigureAwait(false);
            if (migrated > 0)
            {
                await output.WriteLineAsync(SafetyEventsMoved(migrated)).ConfigureAwait(false);
            }

            if (refused.Count > 0)
            {
                await output.WriteLineAsync($"safety: {refused.Count} event{(refused.Count == 1 ? " names a user whose id" : "s name users whose ids")} cannot be a key of this version; left where they are (upgrade-data lists them).").ConfigureAwait(false);
            }

            foreach (var name in ItemStoreNames.All)
            {
                await Sealed(services.GetRequiredKeyedService<IItemStore>(name)).ResealAllAsync(tally, cancellationToken).ConfigureAwait(false);
            }

            await Sealed(services.GetRequiredService<IStorage>()).ResealAllAsync(tally, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            await error.WriteLineAsync($"Storage did not answer ({ex.InnerException?.GetType().Name ?? ex.GetType().Name}); nothing is lost, run rotate-keys again when it is back.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"Current key: {ring.CurrentKeyId} ({ring.Sources[0].Source}).").ConfigureAwait(false);
        foreach (var line in tally.Lines())
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        var needed = tally.KeyIdsStillNeeded;
        foreach (var (keyId, source) in ring.Sources.Skip(1))
        {
            await output.WriteLineAsync(needed.Contains(keyId)
                ? $"Key {keyId} ({source}) still seals records that could not be re-sealed: keep it."
                : $"Key {keyId} ({source}) seals nothing now: retire it (remove it from the configuration; delete a generated key file once backed up).").ConfigureAwait(false);
        }

        if (tally.UnreadableCount > 0)
        {
            await error.WriteLineAsync($"{tally.UnreadableCount} records are sealed with keys that are not configured ({string.Join(", ", needed)}); add those keys to Journal:PreviousKeys and run rotate-keys again.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"Done: {tally.ResealedCount} records re-sealed; every record is now sealed with key {ring.CurrentKeyId}{(tally.LeftCount > 0 ? $", except {tally.LeftCount} conversation states written before sealing, which are sealed on their next write" : string.Empty)}.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The line both commands print when safety events that named their user were moved under the user's hash.</summary>
    public static string SafetyEventsMoved(int count)
        => $"safety: moved {count} event{(count == 1 ? string.Empty : "s")} from the user's id to the user's keyed hash.";

    private static SealedItemStore Sealed(IItemStore store)
        => store as SealedItemStore ?? throw new InvalidOperationException($"The item store {store.GetType().Name} is not sealed.");

    private static SealedStorage Sealed(IStorage storage)
        => storage as SealedStorage ?? throw new InvalidOperationException($"The state store {storage.GetType().Name} is not sealed.");
}

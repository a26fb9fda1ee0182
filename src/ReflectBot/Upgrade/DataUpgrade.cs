using Microsoft.Bot.Builder;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Upgrade;

/// <summary>
/// <c>upgrade-data</c>: moves every record that builds before one-segment user keys kept under a user's key of
/// then (<c>{channel}/{id}</c>) to that user's key of today (<c>{channel}:{escaped id}</c>), in every store:
/// journal entries, safety plans and events (filed under the hash of the new key), conversation references and
/// the clinic's clients, links, rosters, shared marks, scores, assignments and wrong-code logs; and rewrites the
/// user keys that join codes and dialog state hold. Run once after deploying this version; safe to run again, to
/// stop half-way, and while the bot runs (see <see cref="RecordMove"/>). A record whose user id breaks today's
/// rules is refused and listed, never moved on a guess. It is its own command, not part of <c>rotate-keys</c>:
/// that one is run again at every key rotation, this one once per deployment, and its refusals ask for a
/// decision a key rotation should not wait on.
/// </summary>
public static class DataUpgrade
{
    // Records of one kind are moved this many at a time: each move is a read, a write and a delete, and on blobs
    // one after the other they go at the speed of the round trips (Azurite here: about 70 records a second).
    private const int MoveParallelism = 8;

    // Within the clinic, a roster pointer before its link (a pointer without a link grants nothing; a link
    // without a pointer would be invisible to its clinician until the next run).
    private static readonly string[] ClinicOrder =
        [LegacyLayout.Client, LegacyLayout.Roster, LegacyLayout.Link, LegacyLayout.SharedMark, LegacyLayout.Score, LegacyLayout.Assignment, LegacyLayout.WrongCodes];

    /// <summary>Runs the upgrade; 0 when nothing is left in the old layout, 1 when records were refused or could not be opened or storage did not answer, 2 on configuration.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            _ = services.GetRequiredService<JournalKeyRing>();
        }
        catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        var report = new UpgradeReport();
        await output.WriteLineAsync("Moving records kept under user keys of earlier builds ({channel}/{id}) to this version's ({channel}:{id})...").ConfigureAwait(false);
        try
        {
            var stores = new Dictionary<string, (IItemStore Store, List<string> Keys, List<LegacyRecord> Legacy)>(StringComparer.Ordinal);
            foreach (var name in ItemStoreNames.All)
            {
                var store = services.GetRequiredKeyedService<IItemStore>(name);
                var keys = new List<string>();
                await foreach (var key in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(key);
                }

                stores[name] = (store, keys, [.. keys.Select(k => LegacyLayout.Find(name, k)).OfType<LegacyRecord>()]);
            }

            var users = stores.Values.SelectMany(s => s.Legacy).SelectMany(r => r.Users)
                .Where(u => u.IsLegacy && u.Now is not null)
                .DistinctBy(u => u.Found)
                .ToList();
            users.ForEach(u => report.User(u.Found));

            // Safety events first: while any other record of a user is still in its old place, a run that stops
            // later finds the user again and this part is done for them.
            await MoveEventsAsync(services.GetRequiredService<SafetyEventStore>(), stores[ItemStoreNames.Safety].Keys, users, report, cancellationToken).ConfigureAwait(false);

            foreach (var name in ItemStoreNames.All)
            {
                var (store, keys, legacy) = stores[name];
                var move = new RecordMove(store, name, report);
                foreach (var kind in legacy.Where(r => r.Kind != LegacyLayout.Event).GroupBy(r => r.Kind).OrderBy(g => Array.IndexOf(ClinicOrder, g.Key)))
                {
                    await Parallel.ForEachAsync(kind, new ParallelOptions { MaxDegreeOfParallelism = MoveParallelism, CancellationToken = cancellationToken }, move.MoveAsync).ConfigureAwait(false);
                }

                if (name == ItemStoreNames.Clinic)
                {
                    foreach (var key in keys.Where(k => k.StartsWith("codes/", StringComparison.Ordinal)))
                    {
                        await move.RewriteInPlaceAsync(key, LegacyLayout.JoinCode, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await RewriteStatesAsync(services.GetRequiredService<IStorage>(), report, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex)
        {
            await error.WriteLineAsync($"Storage did not answer ({ex.InnerException?.GetType().Name ?? ex.GetType().Name}); nothing is lost (each record is in its old place or its new one): run upgrade-data again when it is back.").ConfigureAwait(false);
            return 1;
        }
        catch (ETagConflictException)
        {
            await error.WriteLineAsync("A record kept changing while it was being moved (the bot wrote it again and again); nothing is lost (it is in its old place or its new one): run upgrade-data again.").ConfigureAwait(false);
            return 1;
        }

        foreach (var line in report.Lines())
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (report.UnreadableCount > 0)
        {
            await error.WriteLineAsync($"{report.UnreadableCount} records are sealed with keys that are not configured and stay where they are: add those keys to Journal:PreviousKeys and run upgrade-data again.").ConfigureAwait(false);
        }

        if (report.RefusedCount > 0)
        {
            await error.WriteLineAsync($"{report.RefusedCount} records stay under keys of earlier builds (listed above): their user ids cannot be keys of this version, so nothing was guessed and the bot reaches none of them. Keep them for reference or delete them; every run lists them again.").ConfigureAwait(false);
        }

        if (report.UnreadableCount > 0 || report.RefusedCount > 0)
        {
            return 1;
        }

        await output.WriteLineAsync(report.ChangedCount == 0
            ? "Nothing to do: no record is under a user key of an earlier build."
            : $"Done: {report.ChangedCount} records moved or rewritten, of {report.UserCount} users; nothing is left under keys of earlier builds. Running upgrade-data again finds nothing to do.").ConfigureAwait(false);
        return 0;
    }

    // Events that name their user (before the hash) go under the hash of the user's key of today; events a
    // build filed under the hash of the user's earlier key follow them there.
    private static async Task MoveEventsAsync(SafetyEventStore events, List<string> safetyKeys, List<LegacyUser> users, UpgradeReport report, CancellationToken cancellationToken)
    {
        foreach (var user in users)
        {
            var folder = await events.FolderOfAsync(user.Found, cancellationToken).ConfigureAwait(false) + "/";
            if (safetyKeys.Exists(k => k.StartsWith(folder, StringComparison.Ordinal)))
            {
                var moved = await events.MoveOwnerAsync(user.Found, user.Now!, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < moved; i++)
                {
                    report.Count(ItemStoreNames.Safety, UpgradeOutcome.Moved, LegacyLayout.Event);
                }
            }
        }

        var (migrated, refused) = await events.MigrateLegacyAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < migrated; i++)
        {
            report.Count(ItemStoreNames.Safety, UpgradeOutcome.Moved, LegacyLayout.Event);
        }

        foreach (var (key, problem) in refused)
        {
            report.Refused(ItemStoreNames.Safety, key, problem);
        }
    }

    private static async Task RewriteStatesAsync(IStorage storage, UpgradeReport report, CancellationToken cancellationToken)
    {
        var state = storage as SealedStorage ?? throw new InvalidOperationException($"The state store {storage.GetType().Name} is not sealed.");
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var (changed, left, unreadable) = await state.ChangeAllAsync((key, document) =>
        {
            if (LegacyContent.RewriteState(document, out var problem))
            {
                return true;
            }

            if (problem is not null)
            {
                refused[key] = problem;
            }

            return false;
        }, cancellationToken).ConfigureAwait(false);

        for (var i = 0; i < changed; i++)
        {
            report.Count(SealedStorage.StoreName, UpgradeOutcome.Rewritten, "dialog state");
        }

        foreach (var (key, problem) in refused)
        {
            report.Refused(SealedStorage.StoreName, key, problem);
        }

        report.StatesUnchecked(left, unreadable);
    }
}

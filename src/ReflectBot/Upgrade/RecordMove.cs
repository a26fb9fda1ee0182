using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using ReflectBot.Storage;

namespace ReflectBot.Upgrade;

/// <summary>
/// Moves records of one item store to their user's key of today. The store seals: reading the old place opens
/// the record with its old binding, writing the new place seals it for the new one with the current key. Each
/// move writes the new place create-only and removes the old place only once the new one holds the record, so
/// a run that stops anywhere is finished by the next; a new place that already holds a record is never
/// overwritten unless that record is older by the kind's own clock (<see cref="NewerBy"/>).
/// Moves run side by side (several records of a kind at once), as they may beside the running bot.
/// </summary>
internal sealed class RecordMove(IItemStore store, string storeName, UpgradeReport report)
{
    private const int ConflictRetries = 5;

    // The one-per-user kinds whose records say when they were made: of two, the later is kept (the link holds
    // the consent the client gave last; the other plan stays in the journal). Every other kind keeps what is
    // at the new key: written by this version, or by an earlier run of the upgrade.
    private static readonly Dictionary<string, string> NewerBy = new(StringComparer.Ordinal)
    {
        [LegacyLayout.Link] = "linkedUtc",
        [LegacyLayout.Plan] = "createdUtc",
    };

    public async ValueTask MoveAsync(LegacyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.CanMove)
        {
            report.Refused(storeName, record.Key, record.Problem ?? "It has no place today.");
            return;
        }

        if (await ReadOrReportAsync(record.Key, cancellationToken).ConfigureAwait(false) is not { Unreadable: false } found)
        {
            return;
        }

        var document = found.Document;
        var problem = document is null ? "It is not a JSON record." : LegacyContent.Rewrite(document, record);
        if (problem is not null)
        {
            report.Refused(storeName, record.Key, problem);
            return;
        }

        if (await PlaceAsync(record.NewKey!, record.Kind, document!, cancellationToken).ConfigureAwait(false) is not { } outcome)
        {
            return;
        }

        await store.DeleteAsync(record.Key, cancellationToken).ConfigureAwait(false);
        report.Count(storeName, outcome, record.Kind);
    }

    /// <summary>Rewrites the user keys a record holds where it is (a join code), only if nobody changed it meanwhile.</summary>
    public async Task RewriteInPlaceAsync(string key, string kind, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await ReadOrReportAsync(key, cancellationToken).ConfigureAwait(false) is not { Unreadable: false, Document: { } document } found)
            {
                return;
            }

            if (!LegacyContent.RewriteInPlace(document, kind, out var problem))
            {
                if (problem is not null)
                {
                    report.Refused(storeName, key, problem);
                }

                return;
            }

            try
            {
                await store.WriteAsync(key, LegacyContent.Bytes(document), ifMatch: found.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
                report.Count(storeName, UpgradeOutcome.Rewritten, kind);
                return;
            }
            catch (ETagConflictException) when (attempt < ConflictRetries)
            {
                // Changed by the running bot meanwhile: rewrite what it holds now.
            }
        }
    }

    // Puts the record at its new key; what happened, or null when it is left in its old place.
    private async Task<UpgradeOutcome?> PlaceAsync(string key, string kind, JObject document, CancellationToken cancellationToken)
    {
        var content = LegacyContent.Bytes(document);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.WriteAsync(key, content, createOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
                return UpgradeOutcome.Moved;
            }
            catch (ETagConflictException) when (attempt < ConflictRetries)
            {
            }

            // The user's new key holds one already.
            var there = await ReadOrReportAsync(key, cancellationToken).ConfigureAwait(false);
            if (there is null)
            {
                continue; // removed meanwhile: create it again
            }

            if (there.Unreadable)
            {
                return null; // reported: it cannot be opened, so nothing is decided and the old one stays
            }

            if (there.Document is { } existing && JToken.DeepEquals(existing, document))
            {
                return UpgradeOutcome.Finished;
            }

            if (!IsNewer(kind, document, there.Document))
            {
                return UpgradeOutcome.KeptNewer;
            }

            try
            {
                await store.WriteAsync(key, content, ifMatch: there.ETag, cancellationToken: cancellationToken).ConfigureAwait(false);
                return UpgradeOutcome.ReplacedOlder;
            }
            catch (ETagConflictException) when (attempt < ConflictRetries)
            {
                // Changed meanwhile: look again.
            }
        }
    }

    // Only a record that says it is newer replaces one: what cannot be compared stays as it is.
    private static bool IsNewer(string kind, JObject mine, JObject? theirs)
        => NewerBy.TryGetValue(kind, out var clock) && theirs is not null && Time(mine, clock) is { } at && Time(theirs, clock) is { } other && at > other;

    private static DateTimeOffset? Time(JObject document, string property)
        => DateTimeOffset.TryParse(document.Value<string>(property), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    // The record and its JSON (null when it is not JSON); null when it is gone. One sealed with a key that is not
    // configured is reported and marked unreadable: it stays where it is.
    private async Task<Found?> ReadOrReportAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var item = await store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            return item is null ? null : new Found(LegacyContent.Parse(item.Content), item.ETag, Unreadable: false);
        }
        catch (CryptographicException)
        {
            report.Unreadable(storeName, key);
            return new Found(null, string.Empty, Unreadable: true);
        }
    }

    private sealed record Found(JObject? Document, string ETag, bool Unreadable);
}

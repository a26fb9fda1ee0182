using System.Globalization;
using System.Text;
using ReflectBot.Storage;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Upgrade;

/// <summary>
/// What <c>upgrade-data</c> did, per store: how many records of each kind it moved, finished, merged or
/// rewrote, and every record it refused (with the reason) or could not open. Ids are printed escaped, so
/// a hostile id cannot write to the operator's terminal. Safe to count into from moves running side by side.
/// </summary>
public sealed class UpgradeReport
{
    private const int ShownIdLength = 120;

    // Stores in the order they are reported; state last.
    private static readonly string[] Order = [.. ItemStoreNames.All, SealedStorage.StoreName];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<UpgradeOutcome, SortedDictionary<string, int>>> _counts = new(StringComparer.Ordinal);
    private readonly List<(string Store, string Key, string Problem)> _refused = [];
    private readonly List<(string Store, string Key)> _unreadable = [];
    private readonly HashSet<string> _users = new(StringComparer.Ordinal);
    private int _statesLeft;
    private int _statesUnreadable;

    public int ChangedCount => _counts.Values.Sum(s => s.Values.Sum(k => k.Values.Sum()));

    public int RefusedCount => _refused.Count;

    public int UnreadableCount => _unreadable.Count + _statesUnreadable;

    /// <summary>How many users' earlier keys were found (and could be turned into keys of today).</summary>
    public int UserCount => _users.Count;

    public void Count(string store, UpgradeOutcome outcome, string kind)
    {
        lock (_gate)
        {
            if (!_counts.TryGetValue(store, out var outcomes))
            {
                _counts[store] = outcomes = [];
            }

            if (!outcomes.TryGetValue(outcome, out var kinds))
            {
                outcomes[outcome] = kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }
    }

    public void Refused(string store, string key, string problem)
    {
        lock (_gate)
        {
            _refused.Add((store, key, problem));
        }
    }

    public void Unreadable(string store, string key)
    {
        lock (_gate)
        {
            _unreadable.Add((store, key));
        }
    }

    public void User(string earlierKey)
    {
        lock (_gate)
        {
            _users.Add(earlierKey);
        }
    }

    /// <summary>
    /// States whose user keys could not be checked: <paramref name="left"/> written before sealing under a name
    /// that does not give their key back (so they cannot be written back), <paramref name="unreadable"/> sealed
    /// with a key that is not configured.
    /// </summary>
    public void StatesUnchecked(int left, int unreadable) => (_statesLeft, _statesUnreadable) = (left, unreadable);

    /// <summary>
    /// One line per store that had anything to do, e.g. "clinic: 5 moved (client: 1, link: 1, roster: 1, score: 1,
    /// shared mark: 1); 1 rewritten in place (join code: 1)", then one line per refused or unreadable record.
    /// </summary>
    public IEnumerable<string> Lines()
    {
        var refusedBy = _refused.GroupBy(r => r.Store).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var unreadableBy = _unreadable.GroupBy(r => r.Store).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var store in Order)
        {
            var parts = new List<string>();
            foreach (var (outcome, kinds) in _counts.GetValueOrDefault(store) ?? [])
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{kinds.Values.Sum()} {Describe(outcome)} ({string.Join(", ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key}: {k.Value}")))})"));
            }

            if (refusedBy.GetValueOrDefault(store) is > 0 and var refused)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{refused} REFUSED, left where they are (below)"));
            }

            if (unreadableBy.GetValueOrDefault(store) is > 0 and var unreadable)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{unreadable} UNREADABLE, sealed with a key that is not configured (below)"));
            }

            if (store == SealedStorage.StoreName && _statesUnreadable > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_statesUnreadable} UNREADABLE, sealed with a key that is not configured"));
            }

            if (store == SealedStorage.StoreName && _statesLeft > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{_statesLeft} not checked (written before sealing under a shortened name; a clinician's \"assign\" or a client's \"connect\" left half-way in one may need starting again)"));
            }

            yield return $"{store}: {(parts.Count == 0 ? "nothing under keys of earlier builds" : string.Join("; ", parts))}";
        }

        foreach (var (store, key, problem) in _refused.OrderBy(r => Array.IndexOf(Order, r.Store)).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            yield return $"  refused: {store} {Shown(key)}: {problem}";
        }

        foreach (var (store, key) in _unreadable.OrderBy(r => Array.IndexOf(Order, r.Store)).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            yield return $"  unreadable: {store} {Shown(key)}";
        }
    }

    private static string Describe(UpgradeOutcome outcome) => outcome switch
    {
        UpgradeOutcome.Moved => "moved to the user's new key",
        UpgradeOutcome.Finished => "already the same at the new key (written by an earlier run or by this version; the old one removed)",
        UpgradeOutcome.KeptNewer => "already newer at the new key (that one kept, the old one removed)",
        UpgradeOutcome.ReplacedOlder => "replaced an older one at the new key",
        UpgradeOutcome.Rewritten => "rewritten in place",
        _ => outcome.ToString(),
    };

    // Printable ASCII kept (a clinic key's own escapes too), anything else (spaces, control characters, other
    // scripts, a broken surrogate) shown as the %XX of its UTF-8 bytes, and a long key cut short.
    private static string Shown(string key)
    {
        var shown = new StringBuilder(Math.Min(key.Length, ShownIdLength) + 8);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in key.EnumerateRunes())
        {
            if (shown.Length >= ShownIdLength)
            {
                return shown.Append('…').ToString();
            }

            if (rune.Value is > 0x20 and < 0x7F)
            {
                shown.Append((char)rune.Value);
                continue;
            }

            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                shown.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return shown.ToString();
    }
}

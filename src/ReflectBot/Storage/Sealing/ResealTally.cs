using System.Globalization;

namespace ReflectBot.Storage.Sealing;

/// <summary>What a re-sealing pass found, per store: for the operator's report after <c>rotate-keys</c>.</summary>
public sealed class ResealTally
{
    /// <summary>Stands for "no key" where a key id is expected: an item written before sealing existed.</summary>
    public const string Unsealed = "unsealed";

    private readonly SortedDictionary<string, StoreCounts> _stores = new(StringComparer.Ordinal);

    public int ResealedCount => _stores.Values.Sum(s => s.Resealed.Values.Sum());

    public int UnreadableCount => _stores.Values.Sum(s => s.Unreadable.Values.Sum());

    public int LeftCount => _stores.Values.Sum(s => s.Left);

    /// <summary>The ids of keys that still seal something the pass could not open: they must not be retired yet.</summary>
    public IReadOnlyCollection<string> KeyIdsStillNeeded
        => [.. _stores.Values.SelectMany(s => s.Unreadable.Keys).Where(k => k != Unsealed).Distinct(StringComparer.Ordinal)];

    public void Current(string store) => Of(store).Current++;

    public void Resealed(string store, string? fromKeyId) => Bump(Of(store).Resealed, fromKeyId ?? Unsealed);

    public void Unreadable(string store, string? keyId) => Bump(Of(store).Unreadable, keyId ?? Unsealed);

    /// <summary>An item that could not be sealed now and stays as it is until its next write (a pre-sealing state whose key its name does not give back).</summary>
    public void Left(string store) => Of(store).Left++;

    /// <summary>One line per store, e.g. "journal: 12 items; 10 re-sealed (from 3f2a…: 8, unsealed: 2); 2 already current".</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var (store, counts) in _stores)
        {
            var total = counts.Current + counts.Resealed.Values.Sum() + counts.Unreadable.Values.Sum() + counts.Left;
            var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{total} items") };
            if (counts.Resealed.Count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Resealed.Values.Sum()} re-sealed ({Describe(counts.Resealed)})"));
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Current} already current"));
            if (counts.Unreadable.Count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Unreadable.Values.Sum()} UNREADABLE, key not configured ({Describe(counts.Unreadable)})"));
            }

            if (counts.Left > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{counts.Left} unsealed left for their next write"));
            }

            yield return $"{store}: {string.Join("; ", parts)}";
        }
    }

    private static string Describe(SortedDictionary<string, int> byKey)
        => string.Join(", ", byKey.Select(p => string.Create(CultureInfo.InvariantCulture, $"{(p.Key == Unsealed ? "unsealed" : "key " + p.Key)}: {p.Value}")));

    private static void Bump(SortedDictionary<string, int> counts, string keyId) => counts[keyId] = counts.GetValueOrDefault(keyId) + 1;

    private StoreCounts Of(string store)
    {
        if (!_stores.TryGetValue(store, out var counts))
        {
            _stores[store] = counts = new StoreCounts();
        }

        return counts;
    }

    private sealed class StoreCounts
    {
        public int Current { get; set; }

        public int Left { get; set; }

        public SortedDictionary<string, int> Resealed { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, int> Unreadable { get; } = new(StringComparer.Ordinal);
    }
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ReflectBot.Safety;

namespace ReflectBot.Hosting;

/// <summary>
/// Remembers the safety model's reading of short messages it has already read, so a message many people send
/// in the same words ("not much to say today") runs the model once per process rather than once per sender.
/// The reading is a pure function of what the model layer is given (the text, its normalized form and the
/// lexicon's stance features), and all three go into the key, so a remembered reading is the one the model
/// would give: the screen's decisions are unchanged (a test holds this on every message of dev.tsv).
/// It keeps no text: the key is an HMAC-SHA-256 under a key drawn at start-up and never stored, so the table
/// cannot be matched against hashes of known phrases outside this process. Only messages up to
/// <see cref="MaxChars"/> characters are kept (long journal entries are not repeated; keeping their
/// fingerprints would only hold them longer), at most <see cref="Capacity"/>, oldest out first.
/// Every message is still screened: the lexicon runs every time, and a message not in the table is read by the model.
/// </summary>
public sealed class ModelReadingCache(ISafetyModelLayer inner) : ISafetyModelLayer
{
    public const int Capacity = 4096;

    public const int MaxChars = 200;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<Fingerprint, ScreenResult> _readings = new();
    private readonly ConcurrentQueue<Fingerprint> _order = new();
    private int _count;
    private long _hits;

    /// <summary>Readings answered from the table since start-up (for the benchmark and the tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public int Count => _readings.Count;

    public Task WaitReadyAsync(CancellationToken cancellationToken = default) => inner.WaitReadyAsync(cancellationToken);

    public ScreenResult? Read(string text, LexiconReading reading)
    {
        if (Known(text, reading, out var key) is { } known)
        {
            return known;
        }

        var read = inner.Read(text, reading);
        Remember(key, read);
        return read;
    }

    public async Task<ScreenResult?> ReadAsync(string text, LexiconReading reading, CancellationToken cancellationToken = default)
    {
        if (Known(text, reading, out var key) is { } known)
        {
            return known;
        }

        var read = await inner.ReadAsync(text, reading, cancellationToken).ConfigureAwait(false);
        Remember(key, read);
        return read;
    }

    /// <summary>The remembered reading, or null; <paramref name="key"/> is null when the message is too long to keep.</summary>
    private ScreenResult? Known(string text, LexiconReading reading, out Fingerprint? key)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reading);
        key = null;
        if (text.Length > MaxChars || reading.Normalized.Length > MaxChars)
        {
            return null;
        }

        var fingerprint = FingerprintOf(text, reading);
        key = fingerprint;
        if (!_readings.TryGetValue(fingerprint, out var known))
        {
            return null;
        }

        Interlocked.Increment(ref _hits);
        return known;
    }

    private void Remember(Fingerprint? key, ScreenResult? read)
    {
        // A null reading (the model not loaded yet) is never kept: the next message tries the model again.
        if (key is { } fingerprint && read is not null && _readings.TryAdd(fingerprint, read))
        {
            // Counted here, not by _readings.Count, which takes every lock of the dictionary.
            _order.Enqueue(fingerprint);
            Interlocked.Increment(ref _count);
            while (Volatile.Read(ref _count) > Capacity && _order.TryDequeue(out var oldest))
            {
                if (_readings.TryRemove(oldest, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    private Fingerprint FingerprintOf(string text, LexiconReading reading)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        Append(hmac, text);
        Append(hmac, reading.Normalized);
        var features = reading.Features();
        hmac.AppendData(BitConverter.GetBytes(features.Length));
        hmac.AppendData(MemoryMarshal.AsBytes(features.AsSpan()));
        Span<byte> digest = stackalloc byte[32];
        hmac.GetHashAndReset(digest);
        return MemoryMarshal.Read<Fingerprint>(digest);
    }

    // Length first, so no two different (text, normalized) pairs feed the same bytes.
    private static void Append(IncrementalHash hmac, string value)
    {
        hmac.AppendData(BitConverter.GetBytes(value.Length));
        hmac.AppendData(Encoding.UTF8.GetBytes(value));
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Fingerprint(long A, long B, long C, long D);
}

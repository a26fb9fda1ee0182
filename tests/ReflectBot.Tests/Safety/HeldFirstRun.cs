using ReflectBot.Safety.Model;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// The real encoder, except that once armed its next run waits until <see cref="Release"/>. While that run is held,
/// every other caller of a <see cref="CoalescingEncoder"/> with one run at a time can only queue its texts, so the
/// runs after it are shared for certain. Without it, sharing depended on callers overlapping in time, which on a
/// loaded machine they sometimes did not (the parity tests once failed with no run shared).
/// </summary>
internal sealed class HeldFirstRun(ITextEncoder inner) : ITextEncoder
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _released = new(initialState: true);
    private int _armed;

    public WordPieceTokenizer Tokenizer => inner.Tokenizer;

    public int Dimensions => inner.Dimensions;

    public ModelPrecision Precision => inner.Precision;

    /// <summary>The next run will wait for <see cref="Release"/>.</summary>
    public void Arm()
    {
        _released.Reset();
        Volatile.Write(ref _armed, 1);
    }

    /// <summary>Waits until the armed run has started and is held.</summary>
    public void WaitUntilHeld()
    {
        if (!_entered.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the held run never started");
        }
    }

    public void Release() => _released.Set();

    public void Encode(IReadOnlyList<string> texts, Span<float> vectors, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _entered.Set();
            _released.Wait(TimeSpan.FromSeconds(30), cancellationToken);
        }

        inner.Encode(texts, vectors, cancellationToken);
    }

    public void Dispose()
    {
        _entered.Dispose();
        _released.Dispose();
    }
}

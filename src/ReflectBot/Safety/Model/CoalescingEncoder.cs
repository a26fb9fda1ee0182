namespace ReflectBot.Safety.Model;

/// <summary>
/// Puts the texts of model readings that arrive together into shared ONNX runs. A run's cost is mostly fixed
/// (the weights streamed through, a few hundred graph nodes), so texts sharing a run share it: measured on one
/// encoder, a short text costs 2.91 ms of CPU alone, 1.81 in a run of 2, 1.57 of 4, 1.44 of 8.
/// There is no timer and no wait when the bot is idle: a reading that finds a free run slot runs at once on
/// its own thread, alone if nothing else is waiting; one that arrives while the slots are busy waits
/// (asynchronously, no thread held) and joins the next run. Whoever finishes a run takes the next batch,
/// until its own reading is done; what is left then goes to a thread-pool item.
/// A text's vector does not depend on the rest of its run (padding is masked; CoalescedRunParityTests holds
/// it to the last bit on the development messages), so the readings, and every decision, are those of one
/// run per message.
/// </summary>
public sealed class CoalescingEncoder
{
    /// <summary>Texts per run: 8 brought a short text to 1.44 ms against 1.57 at 4; more adds little and lengthens the wait.</summary>
    public const int MaxTexts = 8;

    /// <summary>Padded tokens per run (texts × the longest): the encoder keeps its buffers up to this size; a longer text runs alone.</summary>
    public const int MaxRunTokens = 1024;

    /// <summary>
    /// Padding a run may carry per text that joined it. Each text that joins saves a run's fixed cost, about
    /// as much as six tokens' work on this model (1.5 ms fixed, some 0.25 ms a token); past that, padding a
    /// short text to a long one costs more than the run it saves.
    /// </summary>
    public const int PaddingPerJoin = 6;

    private readonly ITextEncoder _encoder;
    private readonly int _runsAtOnce;
    private readonly object _gate = new();
    private readonly List<Pending> _pending = [];
    private int _running;
    private long _runs;
    private long _requests;
    private long _texts;

    /// <param name="runsAtOnce">How many runs may be in flight at once (each on one thread).</param>
    public CoalescingEncoder(ITextEncoder encoder, int runsAtOnce)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(runsAtOnce, 1);
        _encoder = encoder;
        _runsAtOnce = runsAtOnce;
    }

    /// <summary>The encoder the runs read through (MiniLM alone, or MiniLM and Arctic).</summary>
    public ITextEncoder Encoder => _encoder;

    /// <summary>Runs so far (for the tests and the benchmark).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Calls with texts so far: fewer runs than calls means runs served more than one caller.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Texts encoded so far; with <see cref="Runs"/>, how many texts shared a run.</summary>
    public long Texts => Interlocked.Read(ref _texts);

    /// <summary>One unit vector per text, as a run of its own would give it.</summary>
    public Task<float[][]> EncodeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return Task.FromResult(Array.Empty<float[]>());
        }

        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _requests);
        var request = new Request(texts.Count);
        var scratch = new long[WordPieceTokenizer.MaxTokens];
        var pending = new Pending[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            pending[i] = new Pending(texts[i], _encoder.Tokenizer.Encode(texts[i], scratch), request, i);
        }

        lock (_gate)
        {
            _pending.AddRange(pending);
        }

        Drain(request);
        return cancellationToken.CanBeCanceled ? request.Task.WaitAsync(cancellationToken) : request.Task;
    }

    /// <summary>
    /// Runs batches on this thread while a slot is free and <paramref name="own"/> is not done; hands what is
    /// left to the thread pool once it is, so a turn does not serve others' readings after its own.
    /// </summary>
    private void Drain(Request? own)
    {
        List<Pending>? batch;
        lock (_gate)
        {
            batch = TakeLocked();
        }

        var handOff = false;
        while (batch is not null)
        {
            Run(batch);
            lock (_gate)
            {
                _running--;
                if (own is null || !own.Task.IsCompleted)
                {
                    batch = TakeLocked();
                }
                else
                {
                    batch = null;
                    handOff = _pending.Count > 0 && _running < _runsAtOnce;
                }
            }
        }

        if (handOff)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static self => self.Drain(null), this, preferLocal: false);
        }
    }

    /// <summary>
    /// The next run, if a slot is free: the oldest waiting text, then later ones in order of arrival while the
    /// run stays within <see cref="MaxTexts"/>, <see cref="MaxRunTokens"/> and the padding bound. Texts left out
    /// wait for the next run; the oldest always goes first, so none waits for ever.
    /// </summary>
    private List<Pending>? TakeLocked()
    {
        _pending.RemoveAll(p => p.Request.Task.IsCompleted);
        if (_running >= _runsAtOnce || _pending.Count == 0)
        {
            return null;
        }

        var batch = new List<Pending>(MaxTexts) { _pending[0] };
        var longest = _pending[0].Tokens;
        var real = longest;
        for (var i = 1; i < _pending.Count && batch.Count < MaxTexts; i++)
        {
            var candidate = _pending[i];
            var joined = Math.Max(longest, candidate.Tokens);
            var padded = (batch.Count + 1) * joined;
            if (padded <= MaxRunTokens && padded - (real + candidate.Tokens) <= PaddingPerJoin * batch.Count)
            {
                batch.Add(candidate);
                longest = joined;
                real += candidate.Tokens;
            }
        }

        foreach (var taken in batch)
        {
            _pending.Remove(taken);
        }

        _running++;
        return batch;
    }

    private void Run(List<Pending> batch)
    {
        try
        {
            var vectors = _encoder.Encode(batch.ConvertAll(p => p.Text));
            Interlocked.Increment(ref _runs);
            Interlocked.Add(ref _texts, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Request.Set(batch[i].Index, vectors[i]);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every reading in the run learns of it; none is left waiting.
            foreach (var p in batch)
            {
                p.Request.Fail(ex);
            }
        }
    }

    private sealed record Pending(string Text, int Tokens, Request Request, int Index);

    /// <summary>One caller's texts: done when each has its vector. Continuations run on the pool, never inside a run.</summary>
    private sealed class Request(int count)
    {
        private readonly float[][] _vectors = new float[count][];
        private readonly TaskCompletionSource<float[][]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task<float[][]> Task => _done.Task;

        public void Set(int index, float[] vector)
        {
            _vectors[index] = vector;
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult(_vectors);
            }
        }

        public void Fail(Exception ex) => _done.TrySetException(ex);
    }
}

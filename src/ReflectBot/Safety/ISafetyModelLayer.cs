namespace ReflectBot.Safety;

/// <summary>The second layer of the screen: reads a message the lexicon found no live risk in.</summary>
public interface ISafetyModelLayer
{
    /// <summary>Clear or possible risk, a past experience (Level Past), nothing (Level None), or null when the layer cannot run (not loaded, disabled).</summary>
    ScreenResult? Read(string text, LexiconReading reading);

    /// <summary>
    /// The same reading, for a turn: the model may share its run with other turns' readings, and the caller
    /// waits for it without holding a thread. The result is the one <see cref="Read"/> gives.
    /// </summary>
    Task<ScreenResult?> ReadAsync(string text, LexiconReading reading, CancellationToken cancellationToken = default);

    /// <summary>Waits, within the layer's own bound, until it can read (it loads in the background at start-up).</summary>
    Task WaitReadyAsync(CancellationToken cancellationToken = default);
}

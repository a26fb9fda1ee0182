namespace ReflectBot.Storage;

/// <summary>
/// The in-process copy of recently active users' state documents (<see cref="StateDocumentCache"/>). Section
/// "Storage:StateCache".
/// </summary>
public sealed class StateCacheOptions
{
    /// <summary>
    /// How many users' documents are kept at most; 0 turns the cache off (every turn reads its document). A document
    /// mid-journey is a few kilobytes as JSON; measured in the benchmark's memory figures.
    /// </summary>
    public int Entries { get; set; } = 2_000;

    /// <summary>
    /// How long a document may go unused before it is dropped. A person mid-reflection answers within minutes; a
    /// longer pause costs one read, and state does not sit in the clear in memory for hours.
    /// </summary>
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(10);
}

namespace ReflectBot.Clinic;

/// <summary>Where one occurrence of an assignment stands.</summary>
public enum OccurrenceState
{
    /// <summary>An instance has claimed it and is sending (or stopped while sending).</summary>
    Claimed,

    /// <summary>The prompt reached the client's conversation.</summary>
    Sent,

    /// <summary>The send failed; it may be tried again within the attempt budget.</summary>
    Failed,

    /// <summary>The client completed it.</summary>
    Done,

    /// <summary>Not done within the grace period.</summary>
    Missed,
}

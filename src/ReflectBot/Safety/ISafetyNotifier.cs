namespace ReflectBot.Safety;

/// <summary>
/// Who, if anyone, gets a content-free note after a crisis reply (the clinic implements it: the linked
/// clinician, when both they and the client turned it on). Asked only for users linked to a clinician.
/// </summary>
public interface ISafetyNotifier
{
    /// <summary>The name of whoever will get a note, or null when nobody will.</summary>
    Task<string?> RecipientAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Sends the note: that a safety check happened and when, nothing else.</summary>
    Task NotifyAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken = default);
}

namespace ReflectBot.Upgrade;

/// <summary>What <c>upgrade-data</c> did with one record, for its report.</summary>
public enum UpgradeOutcome
{
    /// <summary>Written under its user's key of today, then removed from its old place.</summary>
    Moved,

    /// <summary>The new key held the same record already (an earlier run wrote it and stopped before removing the old one, or this version wrote the same): the old one removed.</summary>
    Finished,

    /// <summary>The user's new key already held a newer one of its kind (the user had used this version): that one kept, the old one removed.</summary>
    KeptNewer,

    /// <summary>The user's new key held an older one of its kind: replaced by this newer one.</summary>
    ReplacedOlder,

    /// <summary>Its place did not change; the user keys it holds were rewritten.</summary>
    Rewritten,
}

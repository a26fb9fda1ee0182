namespace ReflectBot.Upgrade;

/// <summary>What <c>upgrade-data</c> did with one record, for its report.</summary>
public enum UpgradeOutcome
{
    /// <summary>Written under its user's key of today, then removed from its old place.</summary>
    Moved,

    /// <summary>An earlier run had written it under the new key already and stopped before removing the old one: removed now.</summary>
    Finished,

    /// <summary>The user's new key already held a newer one of its kind (the user had used this version): that one kept, the old one removed.</summary>
    KeptNewer,

    /// <summary>The user's new key held an older one of its kind: replaced by this newer one.</summary>
    ReplacedOlder,

    /// <summary>Its place did not change; the user keys it holds were rewritten.</summary>
    Rewritten,
}

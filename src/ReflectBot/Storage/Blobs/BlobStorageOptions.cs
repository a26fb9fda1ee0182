namespace ReflectBot.Storage.Blobs;

/// <summary>
/// Where the blob backend lives. Section "Storage:Blob". Either a connection string (Azurite, or an
/// account key) or an account URI reached with <c>DefaultAzureCredential</c> (managed identity in Azure).
/// </summary>
public sealed class BlobStorageOptions
{
    /// <summary>A storage connection string; takes precedence over <see cref="AccountUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint, e.g. https://myaccount.blob.core.windows.net, used with DefaultAzureCredential.</summary>
    public Uri? AccountUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when the host has more than one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Put before every container name, so several deployments can share one account.</summary>
    public string ContainerPrefix { get; set; } = string.Empty;

    /// <summary>The container of Bot Framework state (conversation and user state).</summary>
    public string StateContainer { get; set; } = "state";

    /// <summary>Container names by item store (see <see cref="ItemStoreNames"/>); a store not listed uses its own name.</summary>
    public Dictionary<string, string> Containers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long one request may take before it is given up. Short on purpose: a turn should tell the user
    /// storage is away within a couple of seconds, not hang until the channel times out.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a failed request (with a short exponential back-off) before the store reports it unavailable.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// The longest a deleted record stays recoverable in the storage account, in days (0: not at all): blob soft
    /// delete, plus how long replaced versions are kept when versioning is on. "Delete my data" tells the person.
    /// The Azure template derives it from the same numbers that configure the account. Null: not stated; the bot
    /// then says it depends on the account's setting.
    /// </summary>
    public int? SoftDeleteRetentionDays { get; set; }

    public string StateContainerName => ContainerPrefix + StateContainer;

    public string ContainerName(string store)
        => ContainerPrefix + (Containers.TryGetValue(store, out var name) && !string.IsNullOrWhiteSpace(name) ? name : store);
}

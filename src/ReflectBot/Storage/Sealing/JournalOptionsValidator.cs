using Microsoft.Extensions.Options;
using ReflectBot.Storage;

namespace ReflectBot.Storage.Sealing;

/// <summary>
/// Fails start-up with every problem in the key settings, by key. With blob storage a key must be
/// configured: instances share no data folder, so a generated key would differ per instance (each unable
/// to read what the others sealed) and would vanish with the instance's disk.
/// </summary>
public sealed class JournalOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<JournalOptions>
{
    public const string KeyRequiredWithBlobs =
        "Journal:EncryptionKey (environment: Journal__EncryptionKey) is required when Storage:Kind is Blob: 32 random bytes in base64, e.g. `openssl rand -base64 32`, kept in a secret store such as Key Vault.";

    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            if (StorageKinds.IsBlob(storage.Value))
            {
                problems.Add(KeyRequiredWithBlobs);
            }
        }
        else if (!JournalOptions.IsValidKey(options.EncryptionKey))
        {
            problems.Add("Journal:EncryptionKey should be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }

        if (!options.PreviousKeys.All(JournalOptions.IsValidKey))
        {
            problems.Add("every Journal:PreviousKeys entry should be 32 bytes in base64.");
        }

        if (options.ExportLinkLifetime <= TimeSpan.Zero || options.ExportLinkLifetime > TimeSpan.FromDays(1))
        {
            problems.Add("Journal:ExportLinkLifetime should be between 0 and 1 day.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ReflectBot.Storage;

/// <summary>Fails start-up with every problem in the storage settings, by key.</summary>
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var isFile = string.Equals(options.Kind, StorageKinds.File, StringComparison.OrdinalIgnoreCase);
        if (!isFile && !StorageKinds.IsBlob(options))
        {
            problems.Add($"Storage:Kind '{options.Kind}' is not one of File, Blob.");
        }

        if (StorageKinds.IsBlob(options))
        {
            var blob = options.Blob;
            if (string.IsNullOrWhiteSpace(blob.ConnectionString) && blob.AccountUri is null)
            {
                problems.Add("Storage:Blob:ConnectionString or Storage:Blob:AccountUri is required when Storage:Kind is Blob.");
            }

            if (blob.AccountUri is { IsAbsoluteUri: false })
            {
                problems.Add("Storage:Blob:AccountUri must be an absolute URI (https://<account>.blob.core.windows.net).");
            }

            foreach (var container in ItemStoreNames.All.Select(blob.ContainerName).Prepend(blob.StateContainerName))
            {
                if (!ContainerNamePattern().IsMatch(container) || container.Contains("--", StringComparison.Ordinal))
                {
                    problems.Add($"'{container}' is not a valid container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
                }
            }

            if (blob.NetworkTimeout <= TimeSpan.Zero)
            {
                problems.Add("Storage:Blob:NetworkTimeout must be positive.");
            }

            if (blob.SoftDeleteRetentionDays is < 0 or > 365)
            {
                problems.Add("Storage:Blob:SoftDeleteRetentionDays must be between 0 (soft delete off) and 365, as the storage account allows.");
            }

            if (blob.MaxRetries is < 0 or > 10)
            {
                problems.Add("Storage:Blob:MaxRetries must be between 0 and 10.");
            }
        }

        if (options.StateCache.Entries < 0)
        {
            problems.Add("Storage:StateCache:Entries must be 0 (off) or more.");
        }

        if (options.StateCache.Idle < TimeSpan.Zero)
        {
            problems.Add("Storage:StateCache:Idle must not be negative.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();
}

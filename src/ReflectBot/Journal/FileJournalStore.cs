using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ReflectBot.Storage;

namespace ReflectBot.Journal;

/// <summary>The embedded journal: <c>journal/{user}/{entry}.json</c> under the data folder.</summary>
public sealed class FileJournalStore : IJournalStore
{
    private readonly string _root;

    public FileJournalStore(IOptions<StorageOptions> options)
        : this(Path.Combine(Path.GetFullPath(options?.Value.DataPath ?? ".data"), "journal"))
    {
    }

    public FileJournalStore(string folder)
    {
        _root = Path.GetFullPath(folder);
        Directory.CreateDirectory(_root);
    }

    public async Task<bool> AddAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var folder = Path.Combine(_root, StoreKeys.Escape(entry.UserId));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, StoreKeys.Escape(entry.Id) + ".json");
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temp, JsonConvert.SerializeObject(entry, StoreJson.Settings), cancellationToken).ConfigureAwait(false);
        try
        {
            // Create-only: a retried activity maps to the same entry id and must not replace or duplicate it.
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_root, StoreKeys.Escape(userId));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var entries = new List<JournalEntry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (JsonConvert.DeserializeObject<JournalEntry>(text, StoreJson.Settings) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return [.. entries.OrderByDescending(e => e.CreatedUtc)];
    }
}

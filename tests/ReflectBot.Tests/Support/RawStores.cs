using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ReflectBot.Tests.Support;

/// <summary>What the stores really hold, read past the bot: every file under a data folder, every blob (with its metadata) in a prefix's containers.</summary>
public static class RawStores
{
    public sealed record Stored(string Where, byte[] Content, string Metadata)
    {
        public string Text => Encoding.UTF8.GetString(Content);
    }

    public static IReadOnlyList<Stored> Files(string dataPath)
        => [.. Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories)
            .Select(f => new Stored(Path.GetRelativePath(dataPath, f), File.ReadAllBytes(f), string.Empty))];

    public static async Task<IReadOnlyList<Stored>> BlobsAsync(string connectionString, string containerPrefix)
    {
        var service = new BlobServiceClient(connectionString);
        var found = new List<Stored>();
        await foreach (var container in service.GetBlobContainersAsync(prefix: containerPrefix))
        {
            var client = service.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }))
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                var metadata = string.Join(";", blob.Metadata.Select(m => $"{m.Key}={Uri.UnescapeDataString(m.Value)}"));
                found.Add(new Stored($"{container.Name}/{blob.Name}", content, metadata));
            }
        }

        return found;
    }
}

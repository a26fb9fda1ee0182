using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ReflectBot.Kernel;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// An upload whose condition (If-Match, or create-only) may fail on its own earlier try. The blob client sends a write
/// again when the first try's reply did not come back (a dropped connection, a network timeout); if that first try had
/// reached the store, the second fails its condition on the write itself. Taken for another writer's, that lost race
/// ran the turn again on state that already held it, and the message counted twice (three times in one peer-benchmark
/// run under full load: each answer taken as the answer to the next question). So a failed condition is checked: if
/// the blob now holds exactly the bytes this call sent, the write landed and its ETag is returned. For a sealed item
/// the bytes carry a fresh nonce, so nobody else can have written them; for a plain one, identical bytes are the same
/// state either way. Costs one read, and only when a condition fails.
/// </summary>
internal static class ConditionalUpload
{
    public static async Task<string> RunAsync(BlobClient blob, BinaryData body, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var response = await blob.UploadAsync(body, options, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (options.Conditions is not null && (ex.Status == 412 || ex is { Status: 409, ErrorCode: "BlobAlreadyExists" }))
        {
            if (await LandedAsync(blob, body, cancellationToken).ConfigureAwait(false) is { } etag)
            {
                ReflectBotTelemetry.OwnWritesFound.Add(1, new KeyValuePair<string, object?>("condition", ex.Status == 412 ? "if-match" : "create-only"));
                return etag;
            }

            throw;
        }
    }

    /// <summary>The blob's ETag if it holds exactly <paramref name="body"/>; null if it holds anything else or is gone.</summary>
    private static async Task<string?> LandedAsync(BlobClient blob, BinaryData body, CancellationToken cancellationToken)
    {
        try
        {
            var current = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return current.Value.Content.ToMemory().Span.SequenceEqual(body.ToMemory().Span) ? current.Value.Details.ETag.ToString() : null;
        }
        catch (RequestFailedException ex) when (BlobCalls.IsNotFound(ex))
        {
            return null;
        }
    }
}

using System.Net.Sockets;
using Azure;
using Azure.Identity;
using ReflectBot.Kernel;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// Turns what the Azure SDK throws into the storage contract's two exceptions: a failed condition
/// (412, or 409 for a create-only write) becomes <see cref="ETagConflictException"/>; anything that means
/// "storage did not answer" (no response, timeout, 5xx, throttling, retries exhausted, no credential)
/// becomes <see cref="StorageUnavailableException"/>, which the turn turns into one plain line to the user.
/// </summary>
internal static class BlobCalls
{
    public static bool IsNotFound(RequestFailedException ex) => ex.Status == 404;

    public static bool IsContainerMissing(RequestFailedException ex)
        => ex.Status == 404 && string.Equals(ex.ErrorCode, "ContainerNotFound", StringComparison.Ordinal);

    public static Exception? Translate(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case RequestFailedException { Status: 412 } ex:
                ReflectBotTelemetry.ETagConflicts.Add(1, new KeyValuePair<string, object?>("condition", "if-match"));
                return new ETagConflictException("The stored item was changed by another writer.", ex);
            case RequestFailedException { Status: 409, ErrorCode: "BlobAlreadyExists" } ex:
                ReflectBotTelemetry.ETagConflicts.Add(1, new KeyValuePair<string, object?>("condition", "create-only"));
                return new ETagConflictException("An item with this key already exists.", ex);
            case RequestFailedException { Status: 0 or 408 or 429 or >= 500 } ex:
                return new StorageUnavailableException($"Blob storage did not answer (status {ex.Status}).", ex);
            case AggregateException or HttpRequestException or IOException or SocketException
                or CredentialUnavailableException or AuthenticationFailedException:
                return new StorageUnavailableException("Blob storage could not be reached.", exception);
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                return new StorageUnavailableException("Blob storage did not answer in time.", exception);
            default:
                return null;
        }
    }

    /// <summary>Runs one call, translating its failures.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }
}

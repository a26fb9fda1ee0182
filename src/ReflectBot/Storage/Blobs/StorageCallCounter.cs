using Azure.Core;
using Azure.Core.Pipeline;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// Counts the requests the blob client sends (each retry counts), by kind, so tests and the benchmark
/// can say how many storage calls a turn costs.
/// </summary>
public sealed class StorageCallCounter : HttpPipelinePolicy
{
    private long _reads;
    private long _writes;
    private long _deletes;
    private long _lists;

    public StorageCallSnapshot Snapshot() => new(Interlocked.Read(ref _reads), Interlocked.Read(ref _writes), Interlocked.Read(ref _deletes), Interlocked.Read(ref _lists));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        var request = message.Request;
        if (request.Method == RequestMethod.Get && request.Uri.Query.Contains("comp=list", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _lists);
        }
        else if (request.Method == RequestMethod.Get || request.Method == RequestMethod.Head)
        {
            Interlocked.Increment(ref _reads);
        }
        else if (request.Method == RequestMethod.Delete)
        {
            Interlocked.Increment(ref _deletes);
        }
        else
        {
            Interlocked.Increment(ref _writes);
        }
    }
}

using System.Diagnostics;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using ReflectBot.Kernel;

namespace ReflectBot.Storage.Blobs;

/// <summary>
/// Counts the requests the blob client sends (each retry counts), by kind, so tests and the benchmark
/// can say how many storage calls a turn costs, and records each call's latency for telemetry
/// (<see cref="ReflectBotTelemetry.StorageDuration"/>, tagged with the container, never the blob's name: that
/// holds a user's or a conversation's key).
/// </summary>
public sealed class StorageCallCounter : HttpPipelinePolicy
{
    private long _reads;
    private long _writes;
    private long _deletes;
    private long _lists;

    public StorageCallSnapshot Snapshot() => new(Interlocked.Read(ref _reads), Interlocked.Read(ref _writes), Interlocked.Read(ref _deletes), Interlocked.Read(ref _lists));

    private const string SentKey = "ReflectBot.Storage.Sent";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var operation = Count(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Record(message, operation, started);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var operation = Count(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            Record(message, operation, started);
        }
    }

    private string Count(HttpMessage message)
    {
        if (message.TryGetProperty(SentKey, out _))
        {
            ReflectBotTelemetry.StorageRetries.Add(1, new KeyValuePair<string, object?>("store", StoreOf(message.Request.Uri)));
        }

        message.SetProperty(SentKey, true);
        var request = message.Request;
        if (request.Method == RequestMethod.Get && request.Uri.Query.Contains("comp=list", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _lists);
            return "list";
        }

        if (request.Method == RequestMethod.Get || request.Method == RequestMethod.Head)
        {
            Interlocked.Increment(ref _reads);
            return "read";
        }

        if (request.Method == RequestMethod.Delete)
        {
            Interlocked.Increment(ref _deletes);
            return "delete";
        }

        Interlocked.Increment(ref _writes);
        return request.Headers.Contains("If-None-Match") ? "create" : request.Headers.Contains("If-Match") ? "conditional-write" : "write";
    }

    private static void Record(HttpMessage message, string operation, long started)
    {
        if (!ReflectBotTelemetry.StorageDuration.Enabled)
        {
            return;
        }

        var status = message.HasResponse ? message.Response.Status : 0;
        var outcome = status switch
        {
            0 => "no-response",
            404 => "not-found",
            409 or 412 => "conflict",
            >= 200 and < 300 => "ok",
            _ => "error",
        };
        ReflectBotTelemetry.StorageDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("store", StoreOf(message.Request.Uri)),
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>The container a request goes to (path-style on an IP or localhost, as Azurite is addressed: account first).</summary>
    private static string StoreOf(RequestUriBuilder uri)
    {
        var path = uri.Path.AsSpan().TrimStart('/');
        var host = uri.Host ?? string.Empty;
        if (IPAddress.TryParse(host, out _) || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            var slash = path.IndexOf('/');
            path = slash < 0 ? [] : path[(slash + 1)..];
        }

        var end = path.IndexOf('/');
        var container = (end < 0 ? path : path[..end]).ToString();
        return container.Length == 0 ? "(account)" : container;
    }
}

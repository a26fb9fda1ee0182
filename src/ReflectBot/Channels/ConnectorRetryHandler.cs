using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels;

/// <summary>
/// Retries the connector's HTTP calls that Teams marks as worth retrying: 429 (throttled), 412 (a
/// conflicting concurrent update), 502 and 504 (a gateway hiccup). Exponential back-off from
/// <see cref="ConnectorRetryOptions.BaseDelay"/>, or the server's Retry-After when it gives one, each wait
/// capped, at most <see cref="ConnectorRetryOptions.MaxRetries"/> retries; then the last answer goes back
/// to the SDK as it came.
/// </summary>
public sealed class ConnectorRetryHandler(IOptions<ConnectorRetryOptions> options, TimeProvider time, ILogger<ConnectorRetryHandler> logger) : DelegatingHandler
{
    private static readonly HashSet<HttpStatusCode> Retryable =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.GatewayTimeout,
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;

        // The SDK sends string content, which can be sent again; make sure of it for anything else.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!Retryable.Contains(response.StatusCode) || attempt >= settings.MaxRetries)
            {
                return response;
            }

            var delay = DelayFor(response, attempt, settings, time.GetUtcNow());
            ChannelLog.ConnectorRetry(logger, (int)response.StatusCode, attempt + 1, settings.MaxRetries, (long)delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Retry-After when the server gives it, else base × 2^attempt; never more than the cap.</summary>
    public static TimeSpan DelayFor(HttpResponseMessage response, int attempt, ConnectorRetryOptions settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(settings);
        var retryAfter = response.Headers.RetryAfter;
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - now : (TimeSpan?)null)
            ?? settings.BaseDelay * Math.Pow(2, attempt);
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > settings.MaxDelay ? settings.MaxDelay : delay;
    }
}

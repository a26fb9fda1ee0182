using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Hosting;

/// <summary>
/// GET /health/ready, for App Service's health check: 200 when storage answers a read and the key ring seals and
/// opens a record, each within <see cref="HealthOptions.ReadinessTimeout"/>; otherwise 503 naming which check
/// failed, nothing more. Nothing is written. /health stays the liveness answer that needs nothing, so a slow
/// storage account takes an instance out of rotation without anything restarting it.
/// </summary>
public static class Readiness
{
    public const string Path = "/health/ready";

    // A key no record has: reading it costs one storage round trip and finds nothing.
    private const string ProbeKey = "readiness-probe";

    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, async (HttpContext http, IServiceProvider services, IOptions<HealthOptions> options, ILogger<HealthOptions> logger) =>
        {
            var timeout = options.Value.ReadinessTimeout;
            if (!await PassesAsync(() => KeyRingWorks(services), timeout, http.RequestAborted).ConfigureAwait(false))
            {
                HostLog.NotReady(logger, "keyRing");
                return Unavailable("keyRing");
            }

            if (!await PassesAsync(() => StorageAnswersAsync(services, http.RequestAborted), timeout, http.RequestAborted).ConfigureAwait(false))
            {
                HostLog.NotReady(logger, "storage");
                return Unavailable("storage");
            }

            return Results.Ok(new { status = "ready" });
        });
        return app;
    }

    private static IResult Unavailable(string check)
        => Results.Json(new { status = "unavailable", failed = check }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static async Task<bool> PassesAsync(Func<Task> check, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            // WaitAsync bounds the check even where a client library does not honour cancellation promptly.
            await Task.Run(check, cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static Task KeyRingWorks(IServiceProvider services)
    {
        var cipher = services.GetRequiredService<ItemCipher>();
        var sealedProbe = cipher.Seal("readiness", ProbeKey, ProbeKey);
        if (cipher.Open("readiness", ProbeKey, sealedProbe) != ProbeKey)
        {
            throw new InvalidOperationException("The key ring opened its own record to something else.");
        }

        return Task.CompletedTask;
    }

    private static async Task StorageAnswersAsync(IServiceProvider services, CancellationToken cancellationToken)
        => _ = await services.GetRequiredService<IStorage>().ReadAsync([ProbeKey], cancellationToken).ConfigureAwait(false);
}

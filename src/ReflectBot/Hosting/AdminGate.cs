using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ReflectBot.Hosting;

/// <summary>
/// In front of every <c>/admin/...</c> route: a client address outside <see cref="AdminOptions.AllowedNetworks"/>
/// gets 404 (the same as an admin route that does not exist), then each address may make
/// <see cref="AdminOptions.RequestsPerMinute"/> requests a minute, right key or wrong (429 after), so the operator
/// key cannot be guessed at speed. The routes' own key checks come after this.
/// </summary>
public static class AdminGate
{
    public const string PathPrefix = "/admin";

    public static WebApplication UseAdminGate(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var allowed = Networks.Parse(options.AllowedNetworks);
        var limiter = PartitionedRateLimiter.Create<IPAddress, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address.ToString(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        app.Lifetime.ApplicationStopped.Register(limiter.Dispose);

        app.UseWhen(http => http.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (http, next) =>
        {
            var client = http.Connection.RemoteIpAddress;
            var mayReach = allowed.Count == 0 ? BotEndpoints.IsThisMachine(client) : Networks.Contain(allowed, client);
            if (!mayReach)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            using var lease = limiter.AttemptAcquire(client ?? IPAddress.Loopback);
            if (!lease.IsAcquired)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                return;
            }

            await next(http).ConfigureAwait(false);
        }));
        return app;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ReflectBot.Safety;

/// <summary>
/// GET /admin/safety-events?from=2026-01-01&amp;to=2026-02-01 with header X-Operator-Key: counts of safety
/// events per class in [from, to) (dates in UTC; default the last 30 days). 404 while no operator key is
/// configured, 401 for a wrong key. Counts only: events hold nothing a user wrote.
/// </summary>
public static class SafetyAdminEndpoints
{
    public const string KeyHeader = "X-Operator-Key";

    public static IEndpointRouteBuilder MapSafetyAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/safety-events", async (HttpContext http, SafetyEventStore events, IOptions<SafetyOptions> options, TimeProvider time) =>
        {
            var configured = options.Value.OperatorKey;
            if (string.IsNullOrWhiteSpace(configured))
            {
                return Results.NotFound();
            }

            var given = http.Request.Headers[KeyHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
            {
                return Results.Unauthorized();
            }

            var now = time.GetUtcNow();
            if (!TryDate(http.Request.Query["from"], now.AddDays(-30), out var from) || !TryDate(http.Request.Query["to"], now, out var to))
            {
                return Results.BadRequest(new { error = "from and to should be dates like 2026-01-31 (UTC)." });
            }

            var counts = await events.CountAsync(from, to, http.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new { from, to, total = counts.Values.Sum(), byClass = counts });
        });
        return app;
    }

    private static bool TryDate(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}

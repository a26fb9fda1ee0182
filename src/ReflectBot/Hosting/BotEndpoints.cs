using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using ReflectBot.Journal;
using ReflectBot.Safety;

namespace ReflectBot.Hosting;

public static class BotEndpoints
{
    /// <summary>Largest request body /api/messages accepts; a bigger one is refused before it is read.</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReflectBot(this IEndpointRouteBuilder app)
    {
        // The Bot Framework's messaging endpoint. CloudAdapter authenticates the request (anonymous only
        // while no app id is configured), answers 400 for a body that is not an activity, and returns
        // the replies in the body for deliveryMode "expectReplies".
        app.MapPost("/api/messages", async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<ReflectBotAdapter> logger) =>
        {
            if (http.Request.ContentLength > MaxRequestBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            try
            {
                await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex) when (ex.Message.StartsWith("IDX20803", StringComparison.Ordinal) && !http.Response.HasStarted)
            {
                // The Bot Framework's signing keys could not be fetched, so the token cannot be checked:
                // refuse (fail closed) with a retryable status rather than a 500.
                HostLog.SigningKeysUnavailable(logger);
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
        });

        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapJournal();
        app.MapSafetyAdmin();
        return app;
    }
}

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
        app.MapPost("/api/messages", async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
        {
            if (http.Request.ContentLength > MaxRequestBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted).ConfigureAwait(false);
        });

        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapJournal();
        app.MapSafetyAdmin();
        return app;
    }
}

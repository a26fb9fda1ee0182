using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using ReflectBot.Channels;
using ReflectBot.Clinic;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Safety;

namespace ReflectBot.Hosting;

public static class BotEndpoints
{
    /// <summary>Largest request body /api/messages accepts; a bigger one is refused, with or without Content-Length, before more is read.</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReflectBot(this IEndpointRouteBuilder app)
    {
        // The Bot Framework's messaging endpoint. Before CloudAdapter sees a request: with no app id only
        // this machine may call, and only a connector on this machine (or the host's public address) is
        // answered; the body is capped; the ids that become storage keys are checked, and an
        // activity that names this host's own web chat (its connector address or one of its conversations)
        // is refused, since only the web chat itself speaks for those. The body is parsed once, here, with the
        // SDK's own serializer; then CloudAdapter authenticates the request (anonymous only while no app id is
        // configured) and returns the replies in the body for deliveryMode "expectReplies".
        app.MapPost("/api/messages", HandleAsync);
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapReadiness();
        app.MapJournal();
        app.MapClinicNotes();
        app.MapSafetyAdmin();
        return app;
    }

    private static async Task HandleAsync(
        HttpContext http,
        ReflectBotAdapter adapter,
        IBot bot,
        IOptions<BotCredentialOptions> credentials,
        IOptions<HostingOptions> hosting,
        LocalServiceUrl localServiceUrl,
        AnonymousServiceUrls anonymousServiceUrls,
        DirectLineConversations localConversations,
        ILogger<ReflectBotAdapter> logger)
    {
        var anonymous = string.IsNullOrWhiteSpace(credentials.Value.MicrosoftAppId);
        if (anonymous && !hosting.Value.AllowAnonymousNetworkAccess && !IsThisMachine(http.Connection.RemoteIpAddress))
        {
            HostLog.AnonymousCallerRefused(logger);
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "This bot has no MicrosoftAppId, so it takes /api/messages from this machine only.").ConfigureAwait(false);
            return;
        }

        var body = await RequestBodies.ReadAsync(http, MaxRequestBytes).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, $"The request is larger than {MaxRequestBytes / (1024 * 1024)} MB.").ConfigureAwait(false);
            return;
        }

        // CloudAdapter answered a body that is no activity with a bare 400; this one says why.
        var activity = ParseOrNull(body);
        string? problem = null;
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            problem = "The body is not a Bot Framework activity.";
        }

        problem ??= ActivityChecks.ProblemWith(activity!);
        if (problem is null && (IsLocalConnector(activity!.ServiceUrl, localServiceUrl) || localConversations.TryGet(activity.Conversation.Id, out _)))
        {
            problem = "The activity names this host's own web chat, which only the web chat itself may speak for.";
        }

        if (problem is null && anonymous && !anonymousServiceUrls.Allows(activity!.ServiceUrl))
        {
            // With no app id Bot Builder would post the reply to any address the caller names.
            problem = "This bot has no MicrosoftAppId, so it replies only to a connector on this machine or at its own public address; the activity's serviceUrl is neither.";
        }

        if (problem is not null)
        {
            HostLog.ActivityRefused(logger, "/api/messages", problem);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, activity!, bot, http.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("IDX20803", StringComparison.Ordinal) && !http.Response.HasStarted)
        {
            // The Bot Framework's signing keys could not be fetched, so the token cannot be checked:
            // refuse (fail closed) with a retryable status rather than a 500.
            HostLog.SigningKeysUnavailable(logger);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        catch (Microsoft.IdentityModel.Tokens.SecurityTokenException ex) when (!http.Response.HasStarted)
        {
            // A token the SDK could not validate (a forged signature, a key it does not publish): CloudAdapter
            // turns only its own refusals into 401; this one is a refusal too, not a server error.
            HostLog.TokenRefused(logger, ex.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    /// <summary>Loopback, or no network peer at all (an in-process test server, a Unix socket).</summary>
    public static bool IsThisMachine(IPAddress? remote)
        => remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static bool IsLocalConnector(string? serviceUrl, LocalServiceUrl local)
        => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
           && Uri.Compare(WithSlash(url), local.Value, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static Uri WithSlash(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    // The one parse of the body: with the SDK's serializer settings, so the bot sees the activity exactly as
    // CloudAdapter would have read it, but nested at most 64 deep (the SDK reads to any depth).
    private static readonly JsonSerializer ActivitySerializer = BotMessageJson.Serializer(s => s.MaxDepth = 64);

    private static Activity? ParseOrNull(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body, writable: false), Encoding.UTF8));
            return ActivitySerializer.Deserialize<Activity>(reader);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    private static Task RefuseAsync(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code = status == StatusCodes.Status400BadRequest ? "BadArgument" : "Refused", message = reason } });
    }
}

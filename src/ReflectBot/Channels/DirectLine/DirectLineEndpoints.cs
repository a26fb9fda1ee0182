using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Kernel;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 routes that botframework-directlinejs uses when polling (webSocket: false):
/// generate and refresh a token, start or reconnect to a conversation, post an activity, and get the
/// activities after a watermark. Status codes follow the real service; a token that is missing, forged
/// or expired gets 401, a token for another conversation 403.
/// </summary>
public static class DirectLineEndpoints
{
    private static readonly HashSet<string> TypesFromThePage = new(StringComparer.Ordinal) { ActivityTypes.Message, ActivityTypes.Event };

    /// <summary>Rate-limiter policy names (ASP.NET Core's rate limiter, per client address; see DirectLineServiceCollectionExtensions).</summary>
    public const string TokenPolicy = "directline-tokens";

    public const string StartPolicy = "directline-starts";

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routes = app.MapGroup("/v3/directline");

        // Stands in for the page's own back end, which would hold the Direct Line secret: anyone who can
        // reach this host gets a new conversation as a new user, and nothing more. (The page itself uses
        // /webchat/session, which keeps the person's user id in a cookie.)
        routes.MapPost("/tokens/generate", (DirectLineConversations conversations, DirectLineTokens tokens)
            => Grant(conversations.Create(), tokens, StatusCodes.Status200OK))
            .RequireRateLimiting(TokenPolicy);

        routes.MapPost("/tokens/refresh", async (HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineRevocations revocations, ILogger<DirectLineConversations> logger) =>
        {
            var (refusal, conversation, _) = await AuthorizeAsync(http, tokens, conversations, revocations, null, logger, checkStore: true).ConfigureAwait(false);
            return refusal ?? Grant(conversation!, tokens, StatusCodes.Status200OK);
        }).RequireRateLimiting(TokenPolicy);

        routes.MapPost("/conversations", async (HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineRevocations revocations, DirectLineBridge bridge, IBot bot, ILogger<DirectLineConversations> logger) =>
        {
            var (refusal, conversation, _) = await AuthorizeAsync(http, tokens, conversations, revocations, null, logger).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            // 201 when this call started the conversation, 200 when it was already going (as Direct Line does).
            if (!conversation!.TryStart())
            {
                return Grant(conversation, tokens, StatusCodes.Status200OK);
            }

            return await TurnAsync(() => bridge.StartAsync(conversation, bot), () => Grant(conversation, tokens, StatusCodes.Status201Created)).ConfigureAwait(false);
        }).RequireRateLimiting(StartPolicy);

        // Reconnect: what directlinejs calls when it is given a conversationId.
        routes.MapGet("/conversations/{conversationId}", async (string conversationId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineRevocations revocations, ILogger<DirectLineConversations> logger) =>
        {
            var (refusal, conversation, _) = await AuthorizeAsync(http, tokens, conversations, revocations, conversationId, logger).ConfigureAwait(false);
            return refusal ?? Grant(conversation!, tokens, StatusCodes.Status200OK);
        });

        routes.MapPost("/conversations/{conversationId}/activities", async (string conversationId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineRevocations revocations, DirectLineBridge bridge, IBot bot, [FromServices] InputLimitReply tooLong, IOptions<DirectLineOptions> options, ILogger<DirectLineConversations> logger) =>
        {
            var (refusal, conversation, _) = await AuthorizeAsync(http, tokens, conversations, revocations, conversationId, logger).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var body = await ReadBodyAsync(http, options.Value.MaxActivityBytes).ConfigureAwait(false);
            if (body is null)
            {
                return DirectLineJson.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
            }

            var posted = DirectLineJson.ParseActivity(body, out var problem);
            if (posted is null || !TypesFromThePage.Contains(posted.Type))
            {
                DirectLineLog.Refused(logger, "activities", problem ?? "activity type not accepted from a client");
                return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", problem is null ? "Only message and event activities can be posted." : "The " + problem + ".");
            }

            // Refused before anything is kept: the log, the bot's state and its stores see none of it.
            if (InputLimits.Exceeded(posted))
            {
                DirectLineLog.Refused(logger, "activities", "over the input limit");
                return DirectLineJson.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", tooLong.Text);
            }

            if (conversation!.TryStart())
            {
                await bridge.StartAsync(conversation, bot).ConfigureAwait(false);
            }

            string? id = null;
            return await TurnAsync(async () => id = await bridge.PostAsync(conversation, posted, bot).ConfigureAwait(false), () => DirectLineJson.Json(DirectLineJson.Serialize(new ResourceResponse(id)))).ConfigureAwait(false);
        });

        routes.MapGet("/conversations/{conversationId}/activities", async (string conversationId, string? watermark, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineRevocations revocations, TimeProvider time, ILogger<DirectLineConversations> logger) =>
        {
            var (refusal, conversation, _) = await AuthorizeAsync(http, tokens, conversations, revocations, conversationId, logger).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            long after = 0;
            if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            {
                return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark is not one this service gave out.");
            }

            conversation!.Touch(time.GetUtcNow());
            return DirectLineJson.Json(conversation.ActivitySetJson(after));
        });

        return app;
    }

    /// <summary>
    /// The conversation the request's token is good for, or the refusal. A token revoked by "delete my data" is
    /// refused like a forged one; the store is asked only when this process may not know (<paramref name="checkStore"/>,
    /// or a conversation it has to resume).
    /// </summary>
    internal static async Task<(IResult? Refusal, DirectLineConversation? Conversation, DirectLineToken? Token)> AuthorizeAsync(HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineRevocations revocations, string? conversationId, ILogger logger, bool checkStore = false)
    {
        var route = conversationId is null ? "token or start" : "conversation";
        var check = tokens.Read(http.Request.Headers.Authorization, out var token);
        if (check == TokenCheck.Valid && (revocations.IsRevoked(token!) || ((checkStore || !conversations.TryGet(token!.ConversationId, out _)) && await revocations.IsRevokedAsync(token!, http.RequestAborted).ConfigureAwait(false))))
        {
            check = TokenCheck.Revoked;
        }

        // Revoked by "delete my data": the conversation has ended for good (directlinejs stops on 403).
        if (check == TokenCheck.Revoked)
        {
            DirectLineLog.Refused(logger, route, "token revoked");
            return (DirectLineJson.Error(StatusCodes.Status403Forbidden, "ConversationEnded", "This conversation has ended."), null, null);
        }

        if (check != TokenCheck.Valid)
        {
            DirectLineLog.Refused(logger, route, check.ToString());
            return (DirectLineJson.Error(StatusCodes.Status401Unauthorized, check == TokenCheck.Expired ? "TokenExpired" : "BadArgument", check switch
            {
                TokenCheck.Missing => "A Direct Line token is required: Authorization: Bearer {token}.",
                TokenCheck.Expired => "The token has expired.",
                _ => "The token is not valid.",
            }), null, null);
        }

        ArgumentNullException.ThrowIfNull(token);
        if (conversationId is not null && !string.Equals(conversationId, token.ConversationId, StringComparison.Ordinal))
        {
            DirectLineLog.Refused(logger, route, "token for another conversation");
            return (DirectLineJson.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation."), null, null);
        }

        var found = conversations.GetOrResume(token, out var resumed);
        if (resumed)
        {
            DirectLineLog.Resumed(logger, found.Id);
        }

        if (found.UserId != token.UserId)
        {
            DirectLineLog.Refused(logger, route, "token for another user");
            return (DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found."), null, null);
        }

        if (found.Closed)
        {
            DirectLineLog.Refused(logger, route, "conversation ended");
            return (DirectLineJson.Error(StatusCodes.Status403Forbidden, "ConversationEnded", "This conversation has ended."), null, null);
        }

        return (null, found, token);
    }

    internal static IResult Grant(DirectLineConversation conversation, DirectLineTokens tokens, int status)
    {
        if (tokens.Issue(conversation.Id, conversation.UserId, conversation.SessionStart) is not { } token)
        {
            return DirectLineJson.Error(StatusCodes.Status401Unauthorized, "TokenExpired", "The conversation has reached its absolute lifetime; start a new one.");
        }

        var body = new Dictionary<string, object>
        {
            ["conversationId"] = conversation.Id,
            ["token"] = token,
            ["expires_in"] = tokens.SecondsLeft(conversation.SessionStart),
        };
        return DirectLineJson.Json(DirectLineJson.Serialize(body), status);
    }

    /// <summary>Runs a bot turn; if the bot cannot take it, answers 502 as Direct Line does for a failing bot.</summary>
    private static async Task<IResult> TurnAsync(Func<Task> turn, Func<IResult> success)
    {
        try
        {
            await turn().ConfigureAwait(false);
            return success();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DirectLineJson.Error(StatusCodes.Status502BadGateway, "ServiceError", "The bot could not take the activity.");
        }
    }

    /// <summary>The body as text, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    internal static async Task<string?> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            using var reader = new StreamReader(http.Request.Body);
            var buffer = new char[limit + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), http.RequestAborted).ConfigureAwait(false);
            return read > limit ? null : new string(buffer, 0, read);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}

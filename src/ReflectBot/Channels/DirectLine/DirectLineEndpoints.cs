using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routes = app.MapGroup("/v3/directline");

        // Stands in for the page's own back end, which would hold the Direct Line secret: anyone who can
        // reach this host gets a new conversation as a new user, and nothing more.
        routes.MapPost("/tokens/generate", (DirectLineConversations conversations, DirectLineTokens tokens)
            => Grant(conversations.Create(), tokens, StatusCodes.Status200OK));

        routes.MapPost("/tokens/refresh", (HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, ILogger<DirectLineConversations> logger)
            => Authorize(http, tokens, conversations, null, logger, out var conversation) ?? Grant(conversation!, tokens, StatusCodes.Status200OK));

        routes.MapPost("/conversations", async (HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineBridge bridge, IBot bot, ILogger<DirectLineConversations> logger) =>
        {
            if (Authorize(http, tokens, conversations, null, logger, out var conversation) is { } refusal)
            {
                return refusal;
            }

            // 201 when this call started the conversation, 200 when it was already going (as Direct Line does).
            if (!conversation!.TryStart())
            {
                return Grant(conversation, tokens, StatusCodes.Status200OK);
            }

            return await TurnAsync(() => bridge.StartAsync(conversation, bot), () => Grant(conversation, tokens, StatusCodes.Status201Created)).ConfigureAwait(false);
        });

        // Reconnect: what directlinejs calls when it is given a conversationId.
        routes.MapGet("/conversations/{conversationId}", (string conversationId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, ILogger<DirectLineConversations> logger)
            => Authorize(http, tokens, conversations, conversationId, logger, out var conversation) ?? Grant(conversation!, tokens, StatusCodes.Status200OK));

        routes.MapPost("/conversations/{conversationId}/activities", async (string conversationId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineBridge bridge, IBot bot, IOptions<DirectLineOptions> options, ILogger<DirectLineConversations> logger) =>
        {
            if (Authorize(http, tokens, conversations, conversationId, logger, out var conversation) is { } refusal)
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

            if (conversation!.TryStart())
            {
                await bridge.StartAsync(conversation, bot).ConfigureAwait(false);
            }

            string? id = null;
            return await TurnAsync(async () => id = await bridge.PostAsync(conversation, posted, bot).ConfigureAwait(false), () => DirectLineJson.Json(DirectLineJson.Serialize(new ResourceResponse(id)))).ConfigureAwait(false);
        });

        routes.MapGet("/conversations/{conversationId}/activities", (string conversationId, string? watermark, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, TimeProvider time, ILogger<DirectLineConversations> logger) =>
        {
            if (Authorize(http, tokens, conversations, conversationId, logger, out var conversation) is { } refusal)
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

    /// <summary>Null when the request's token is good for the conversation (which it returns); else the refusal.</summary>
    private static IResult? Authorize(HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, string? conversationId, ILogger logger, out DirectLineConversation? conversation)
    {
        conversation = null;
        var route = conversationId is null ? "token or start" : "conversation";
        var check = tokens.Read(http.Request.Headers.Authorization, out var token);
        if (check != TokenCheck.Valid)
        {
            DirectLineLog.Refused(logger, route, check.ToString());
            return DirectLineJson.Error(StatusCodes.Status401Unauthorized, check == TokenCheck.Expired ? "TokenExpired" : "BadArgument", check switch
            {
                TokenCheck.Missing => "A Direct Line token is required: Authorization: Bearer {token}.",
                TokenCheck.Expired => "The token has expired.",
                _ => "The token is not valid.",
            });
        }

        ArgumentNullException.ThrowIfNull(token);
        if (conversationId is not null && !string.Equals(conversationId, token.ConversationId, StringComparison.Ordinal))
        {
            DirectLineLog.Refused(logger, route, "token for another conversation");
            return DirectLineJson.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");
        }

        var found = conversations.GetOrResume(token, out var resumed);
        if (resumed)
        {
            DirectLineLog.Resumed(logger, found.Id);
        }

        if (found.UserId != token.UserId)
        {
            DirectLineLog.Refused(logger, route, "token for another user");
            return DirectLineJson.Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");
        }

        conversation = found;
        return null;
    }

    private static IResult Grant(DirectLineConversation conversation, DirectLineTokens tokens, int status)
    {
        var body = new Dictionary<string, object>
        {
            ["conversationId"] = conversation.Id,
            ["token"] = tokens.Issue(conversation.Id, conversation.UserId),
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
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

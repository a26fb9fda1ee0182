using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// The Bot Connector routes the bot's connector client calls for the local channel: send to a
/// conversation, reply to an activity (both land in the conversation's log), update and delete (accepted,
/// not applied: Web Chat has no use for them here). A post must carry the host-signed connector token for
/// that very conversation, and the conversation must be one this endpoint created.
/// </summary>
public static class ConnectorEndpoints
{
    public static IEndpointRouteBuilder MapLocalConnector(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routes = app.MapGroup("/v3/conversations/{conversationId}/activities");

        routes.MapPost("/", (string conversationId, HttpContext http, DirectLineBridge bridge, DirectLineConversations conversations, DirectLineTokens tokens, IOptions<DirectLineOptions> options, ILogger<DirectLineBridge> logger)
            => AppendAsync(conversationId, null, http, bridge, conversations, tokens, options.Value, logger));

        routes.MapPost("/{activityId}", (string conversationId, string activityId, HttpContext http, DirectLineBridge bridge, DirectLineConversations conversations, DirectLineTokens tokens, IOptions<DirectLineOptions> options, ILogger<DirectLineBridge> logger)
            => AppendAsync(conversationId, activityId, http, bridge, conversations, tokens, options.Value, logger));

        routes.MapPut("/{activityId}", (string conversationId, string activityId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, ILogger<DirectLineBridge> logger)
            => Authorize(conversationId, http, conversations, tokens, logger, out _) ?? DirectLineJson.Json(DirectLineJson.Serialize(new ResourceResponse(activityId))));

        routes.MapDelete("/{activityId}", (string conversationId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, ILogger<DirectLineBridge> logger)
            => Authorize(conversationId, http, conversations, tokens, logger, out _) ?? Results.Ok());

        return app;
    }

    private static async Task<IResult> AppendAsync(string conversationId, string? replyToId, HttpContext http, DirectLineBridge bridge, DirectLineConversations conversations, DirectLineTokens tokens, DirectLineOptions options, ILogger logger)
    {
        if (Authorize(conversationId, http, conversations, tokens, logger, out var conversation) is { } refusal)
        {
            return refusal;
        }

        var body = await DirectLineEndpoints.ReadBodyAsync(http, options.MaxActivityBytes).ConfigureAwait(false);
        if (body is null)
        {
            return DirectLineJson.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The activity is too large.");
        }

        var activity = DirectLineJson.ParseActivity(body, out var problem);
        if (activity is null)
        {
            DirectLineLog.ConnectorRefused(logger, true, problem ?? "not an activity");
            return DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "The " + problem + ".");
        }

        var id = bridge.AppendFromBot(conversation!, activity, replyToId);
        return DirectLineJson.Json(DirectLineJson.Serialize(new ResourceResponse(id)));
    }

    private static IResult? Authorize(string conversationId, HttpContext http, DirectLineConversations conversations, DirectLineTokens tokens, ILogger logger, out DirectLineConversation? conversation)
    {
        conversation = null;
        var known = conversations.TryGet(conversationId, out var found);
        if (tokens.Read(http.Request.Headers.Authorization, out var token, DirectLineTokens.ConnectorAudience) != TokenCheck.Valid)
        {
            DirectLineLog.ConnectorRefused(logger, known, "no valid connector token");
            return DirectLineJson.Error(StatusCodes.Status401Unauthorized, "Unauthorized", "Not authorized.");
        }

        if (!string.Equals(token!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            DirectLineLog.ConnectorRefused(logger, known, "token for another conversation");
            return DirectLineJson.Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");
        }

        if (!known)
        {
            DirectLineLog.ConnectorRefused(logger, known, "conversation not created here");
            return DirectLineJson.Error(StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found.");
        }

        conversation = found;
        return null;
    }
}

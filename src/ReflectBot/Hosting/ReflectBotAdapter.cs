using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace ReflectBot.Hosting;

/// <summary>
/// The Bot Framework's <see cref="CloudAdapter"/> running the turn's steps as <see cref="TurnPipeline"/> declares
/// them, with a turn-error handler that logs what failed (never what the user wrote) and tells the user,
/// without details, that something went wrong. The SDK's own messages go to the category
/// <c>Microsoft.Bot.Builder.CloudAdapter</c> (it logs every turn at Information; appsettings keeps it at Warning).
/// </summary>
public sealed class ReflectBotAdapter : CloudAdapter
{
    public const string SdkLogCategory = "Microsoft.Bot.Builder.CloudAdapter";

    public ReflectBotAdapter(BotFrameworkAuthentication auth, TurnPipeline pipeline, ILogger<ReflectBotAdapter> logger, ILoggerFactory loggerFactory)
        : base(auth, (loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger(SdkLogCategory))
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var item in pipeline.Middleware)
        {
            Use(item);
        }

        OnTurnError = (turnContext, exception) => pipeline.Errors.HandleAsync(turnContext, exception, logger);
    }

    /// <summary>
    /// What <see cref="CloudAdapter.ProcessAsync(HttpRequest, HttpResponse, IBot, CancellationToken)"/> does for a POST,
    /// for an activity the endpoint has already read and checked, so the body is not parsed a second time: the
    /// request is authenticated from its Authorization header (the same call, so the same refusals: 401), the turn
    /// runs, and the invoke or expectReplies response is written with the SDK's serializer settings, compact rather
    /// than indented, straight from one buffer with its length.
    /// </summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        try
        {
            // As CloudAdapter reads it: absent is null, not "".
            string? authHeader = request.Headers.Authorization;
            var invokeResponse = await ProcessActivityAsync(authHeader, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
            await WriteResponseAsync(response, invokeResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static readonly JsonSerializer ReplySerializer = BotMessageJson.Serializer(s => s.Formatting = Formatting.None);

    private static readonly UTF8Encoding Utf8NoMark = new(encoderShouldEmitUTF8Identifier: false);

    private static async Task WriteResponseAsync(HttpResponse response, InvokeResponse? invokeResponse, CancellationToken cancellationToken)
    {
        response.StatusCode = invokeResponse?.Status ?? StatusCodes.Status200OK;
        if (invokeResponse?.Body is not { } body)
        {
            return;
        }

        // A small writer buffer: a StreamWriter's default (or 4 KB) allocates more than a state document or a turn's replies weigh.
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, Utf8NoMark, bufferSize: 256, leaveOpen: true))
        using (var writer = new JsonTextWriter(text))
        {
            ReplySerializer.Serialize(writer, body);
        }

        response.ContentType = "application/json";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
    }
}

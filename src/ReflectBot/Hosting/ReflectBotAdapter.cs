using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;

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
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;

namespace ReflectBot.Hosting;

/// <summary>
/// The Bot Framework's <see cref="CloudAdapter"/> running the turn's steps as <see cref="TurnPipeline"/> declares
/// them, with a turn-error handler that logs what failed (never what the user wrote) and tells the user,
/// without details, that something went wrong.
/// </summary>
public sealed class ReflectBotAdapter : CloudAdapter
{
    public ReflectBotAdapter(BotFrameworkAuthentication auth, TurnPipeline pipeline, ILogger<ReflectBotAdapter> logger)
        : base(auth, logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var item in pipeline.Middleware)
        {
            Use(item);
        }

        OnTurnError = (turnContext, exception) => pipeline.Errors.HandleAsync(turnContext, exception, logger);
    }
}

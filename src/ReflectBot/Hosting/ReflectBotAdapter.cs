using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;

namespace ReflectBot.Hosting;

/// <summary>
/// The Bot Framework's <see cref="CloudAdapter"/> with our middleware and a turn-error handler that logs
/// what failed (never what the user wrote) and tells the user, without details, that something went wrong.
/// The identity step comes first, whatever order the features registered theirs in: nothing may read or
/// write a user's records before the turn knows whose they are.
/// </summary>
public sealed class ReflectBotAdapter : CloudAdapter
{
    public ReflectBotAdapter(BotFrameworkAuthentication auth, IdentityMiddleware identity, IEnumerable<IMiddleware> middleware, ILogger<ReflectBotAdapter> logger)
        : base(auth, logger)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        Use(identity);
        foreach (var item in middleware)
        {
            Use(item);
        }

        OnTurnError = (turnContext, exception) => TurnErrors.HandleAsync(turnContext, exception, logger);
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using ReflectBot.Content;
using ReflectBot.Storage;

namespace ReflectBot.Hosting;

/// <summary>What happens when a turn throws, shared by every adapter (HTTP and terminal).</summary>
public sealed class TurnErrors(StringCatalog strings, StorageReplies storage)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);

        // Storage away outside the bot's own turn (a middleware's store): one plain line, no error log,
        // and not a second time when the bot already said it in this turn.
        if (exception is StorageUnavailableException)
        {
            HostLog.StorageUnavailable(logger, exception.InnerException?.GetType().Name ?? "-");
            await TrySendAsync(() => storage.SendCouldNotSaveOnceAsync(turnContext), logger).ConfigureAwait(false);
            return;
        }

        // Exception messages can quote input (a parser echoing what it choked on), so only the type and
        // the stack are logged.
        HostLog.TurnFailed(logger, exception.GetType().FullName ?? "Exception", SafeStack(exception));
        await TrySendAsync(() => turnContext.SendActivityAsync(strings[HostingStrings.Apology]), logger).ConfigureAwait(false);
    }

    private static async Task TrySendAsync(Func<Task> send, ILogger logger)
    {
        try
        {
            await send().ConfigureAwait(false);
        }
        catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
        {
            HostLog.ApologyFailed(logger, sendFailure.GetType().FullName ?? "Exception");
        }
    }

    private static string SafeStack(Exception exception)
    {
        var inner = exception.InnerException is { } i ? $" <- {i.GetType().FullName}" : string.Empty;
        return (exception.StackTrace ?? string.Empty) + inner;
    }
}

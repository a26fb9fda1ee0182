using Microsoft.Bot.Builder;

namespace ReflectBot.Storage;

/// <summary>What the user is told when storage lets a turn down. Plain, one line, no details.</summary>
public static class StorageMessages
{
    /// <summary>Storage did not answer: nothing from this message was kept, and the user can simply send it again.</summary>
    public const string CouldNotSave = "I couldn't save that just now — please try again in a moment.";

    /// <summary>Two messages of one conversation were handled at the same moment and this one lost twice.</summary>
    public const string Crossed = "Two of your messages crossed just now, so I didn't act on this one — please send it again.";

    private const string SaidKey = "ReflectBot.Storage.CouldNotSaveSaid";

    /// <summary>
    /// Sends <see cref="CouldNotSave"/> unless this turn already has: the bot's own save and a middleware
    /// after it can meet the same outage, and the user should read the line once.
    /// </summary>
    public static async Task SendCouldNotSaveOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.ContainsKey(SaidKey))
        {
            return;
        }

        turnContext.TurnState[SaidKey] = true;
        await turnContext.SendActivityAsync(CouldNotSave, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

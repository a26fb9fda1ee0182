using Microsoft.Bot.Builder;

namespace ReflectBot.Storage;

/// <summary>
/// What the user is told when storage lets a turn down: plain, one line, no details. The sentences are content
/// (dialogs/strings/hosting.yaml); Storage sits below Content, so Hosting hands them in.
/// </summary>
/// <param name="CouldNotSave">Storage did not answer: nothing from this message was kept, and the user can simply send it again.</param>
/// <param name="Crossed">Two messages of one conversation were handled at the same moment and this one lost twice.</param>
public sealed record StorageReplies(string CouldNotSave, string Crossed)
{
    private const string SaidKey = "ReflectBot.Storage.CouldNotSaveSaid";

    /// <summary>
    /// Sends <see cref="CouldNotSave"/> unless this turn already has: the bot's own save and a middleware
    /// after it can meet the same outage, and the user should read the line once.
    /// </summary>
    public async Task SendCouldNotSaveOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
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

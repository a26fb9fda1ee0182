using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Choices;
using ReflectBot.Dialogs.Prompts;

namespace ReflectBot.Journeys;

/// <summary>
/// "Shall we stop the daily check-in and start Early attachment?", pushed over the journey in progress by
/// <see cref="SwitchJourneyCommand"/>. Yes: the journey in progress ends unsaved (as "cancel" would) and the other
/// one starts. No, or anything else: the journey in progress asks its question again, nothing of it lost.
/// </summary>
public sealed class SwitchJourneyDialog(JourneyCatalog catalog, StringCatalog strings) : Dialog(DialogId)
{
    public const string DialogId = "switch-journey";

    private const string FromKey = "from";
    private const string ToKey = "to";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not SwitchJourneyRequest request || catalog.Find(request.From) is not { } from || catalog.Find(request.To) is not { } to)
        {
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        dc.ActiveDialog!.State[FromKey] = from.Id;
        dc.ActiveDialog.State[ToKey] = to.Id;
        var text = strings.Text(JourneyStrings.SwitchOffer, ("current", from.Title.ToLowerInvariant()), ("title", to.Title));
        var offer = ChoiceRenderer.Render(dc.Context.Activity.ChannelId, text, [new Choice("yes"), new Choice("no")]);
        offer.InputHint = Microsoft.Bot.Schema.InputHints.ExpectingInput;
        await dc.Context.SendActivityAsync(offer, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        var to = catalog.Find(state.Value<string>(ToKey) ?? string.Empty);
        if (to is not null && ConfirmRecognizer.Recognize(dc.Context.Activity.Text, dc.Context.Activity.Locale) == true)
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return await dc.BeginDialogAsync(to.Id, null, cancellationToken).ConfigureAwait(false);
        }

        var from = catalog.Find(state.Value<string>(FromKey) ?? string.Empty);
        if (from is not null)
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(strings.Text(JourneyStrings.SwitchDeclined, ("current", from.Title.ToLowerInvariant()))), cancellationToken).ConfigureAwait(false);
        }

        // The journey underneath asks its question again when this ends (ComponentDialog.ResumeDialogAsync).
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

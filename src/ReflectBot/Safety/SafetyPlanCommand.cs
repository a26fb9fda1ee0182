using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>"safety plan": shows the user's plan, or helps them write one.</summary>
public sealed partial class SafetyPlanCommand(SafetyPlanStore plans, JourneyCatalog catalog, StringCatalog strings) : ITurnCommand
{
    /// <summary>"safety plan", "show my safety plan".</summary>
    public static bool Claims(string text)
        => Open().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Text is null || !Open().IsMatch(turn.Text))
        {
            return false;
        }

        var plan = await plans.GetAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            await turn.Context.SendActivityAsync(MessageFactory.Text(SafetyPlan.Render(plan, strings)), cancellationToken).ConfigureAwait(false);
            // The buttons are commands the router matches, so their words stay with the commands.
            await turn.Context.SendActivityAsync(Suggestions.Of(["update my safety plan", "menu"], strings[SafetyStrings.PlanChange]), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (catalog.Find(SafetyPlan.JourneyId) is null)
        {
            return false;
        }

        await turn.Context.SendActivityAsync(MessageFactory.Text(strings[SafetyStrings.PlanNone]), cancellationToken).ConfigureAwait(false);
        if (turn.Dialogs.ActiveDialog is not null)
        {
            await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }

        await turn.Dialogs.BeginDialogAsync(SafetyPlan.JourneyId, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [GeneratedRegex(@"^\s*((show|open|see|view|read) )?(me )?(my |the )?safety plan\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Open();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// A clinician's own reflections: "new reflection" (the form on Teams and web chat, step by step in the
/// terminal), "save reflection" (the form's button), "my reflections", "edit reflection N", "delete reflection N".
/// Every read is of the asking clinician's own folder (<see cref="ReflectionTemplates"/>); anyone else is told
/// only clinicians write reflections, and learns nothing of anyone's.
/// </summary>
public sealed partial class ReflectionCommands(ClinicianRoles roles, ReflectionTemplates templates, StringCatalog strings) : ITurnCommand
{
    public static bool Claims(string text) => Command().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrEmpty(turn.Text) || Command().Match(turn.Text) is not { Success: true } m)
        {
            return false;
        }

        if (!roles.IsClinician(turn.Context))
        {
            await SayAsync(turn, strings[ClinicStrings.OnlyClinicians], cancellationToken).ConfigureAwait(false);
            return true;
        }

        var clinicianId = turn.UserId;
        var number = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        switch (m.Groups["verb"].Value.ToLowerInvariant())
        {
            case "save":
                await SaveAsync(turn, clinicianId, cancellationToken).ConfigureAwait(false);
                break;
            case "edit" or "change":
                if (await templates.NumberedAsync(clinicianId, number, cancellationToken).ConfigureAwait(false) is not { } editing)
                {
                    await SayAsync(turn, strings[ReflectionStrings.NoSuchReflection], cancellationToken).ConfigureAwait(false);
                    break;
                }

                await WriteAsync(turn, editing, cancellationToken).ConfigureAwait(false);
                break;
            case "delete" or "remove":
                if (await templates.NumberedAsync(clinicianId, number, cancellationToken).ConfigureAwait(false) is not { } gone)
                {
                    await SayAsync(turn, strings[ReflectionStrings.NoSuchReflection], cancellationToken).ConfigureAwait(false);
                    break;
                }

                await templates.DeleteAsync(clinicianId, gone.Id, cancellationToken).ConfigureAwait(false);
                await SayAsync(turn, strings.Text(ReflectionStrings.Deleted, ("title", gone.Title)), cancellationToken).ConfigureAwait(false);
                break;
            case "my" or "list":
                await ListAsync(turn, clinicianId, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await WriteAsync(turn, null, cancellationToken).ConfigureAwait(false);
                break;
        }

        return true;
    }

    /// <summary>The form where a card can hold one; in the terminal, the questions one by one.</summary>
    private async Task WriteAsync(TurnInfo turn, ReflectionTemplate? template, CancellationToken cancellationToken)
    {
        if (turn.Context.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Console)
        {
            if (turn.Dialogs.ActiveDialog is not null)
            {
                await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            }

            await turn.Dialogs.BeginDialogAsync(ReflectionWritingDialog.DialogId, new ReflectionWritingDialog.Request { TemplateId = template?.Id }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.Context.SendActivityAsync(MessageFactory.Attachment(ReflectionForm.Card(template, strings)), cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(TurnInfo turn, string clinicianId, CancellationToken cancellationToken)
    {
        if (!ReflectionForm.IsPosted(turn.Context.Activity.Value))
        {
            await SayAsync(turn, strings[ReflectionStrings.SaveFromForm], cancellationToken).ConfigureAwait(false);
            return;
        }

        var (templateId, title, questions) = ReflectionForm.Read((JObject)turn.Context.Activity.Value);
        var (saved, problems) = await templates.SaveAsync(clinicianId, templateId, title, questions, cancellationToken).ConfigureAwait(false);
        await SayAsync(turn, Outcome(strings, saved, problems, templateId is not null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a save says: saved or updated, or every problem on its own line.</summary>
    public static string Outcome(StringCatalog strings, ReflectionTemplate? saved, IReadOnlyList<string> problems, bool update)
    {
        ArgumentNullException.ThrowIfNull(strings);
        ArgumentNullException.ThrowIfNull(problems);
        return saved is null
            ? strings.Text(ReflectionStrings.NotSaved, ("problems", string.Join("\n", problems)))
            : strings.Text(update ? ReflectionStrings.Updated : ReflectionStrings.Saved, ("title", saved.Title), ("count", saved.Questions.Count));
    }

    private async Task ListAsync(TurnInfo turn, string clinicianId, CancellationToken cancellationToken)
    {
        var mine = await templates.OfClinicianAsync(clinicianId, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            await SayAsync(turn, strings[ReflectionStrings.NoReflections], cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = mine.Select((t, i) => strings.Text(ReflectionStrings.ListLine, ("number", i + 1), ("title", t.Title), ("count", t.Questions.Count)));
        await SayAsync(turn, strings.Text(ReflectionStrings.List, ("lines", string.Join("\n", lines))), cancellationToken).ConfigureAwait(false);
    }

    private static Task<ResourceResponse> SayAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    [GeneratedRegex(@"^\s*(?:(?<verb>new|write|create)\s+(?:a\s+)?reflection|(?<verb>save)\s+reflection|(?<verb>my|list)\s+(?:own\s+)?reflections|(?<verb>edit|change|delete|remove)\s+reflection\s+(?<n>\d{1,3}))\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Command();
}

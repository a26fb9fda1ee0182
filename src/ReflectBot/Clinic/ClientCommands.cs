using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// What a client can say about clinicians: "connect CODE", "my clinician", "change sharing N",
/// "disconnect [N]", "share entry N" / "unshare entry N", "my assignments", "start assignment ID",
/// and the measures ("phq-9", "gad-7"). ("pause reminders" is the user's own setting, in Privacy.)
/// </summary>
public sealed partial class ClientCommands(
    JoinCodes codes,
    ClinicLinks links,
    ClinicStore store,
    Assignments assignments,
    IJournalStore journal,
    MeasureCatalog measures,
    ClientSettingsRecords settings,
    TimeProvider time,
    StringCatalog strings) : ITurnCommand
{
    /// <summary>The phrases these commands take; the measures' commands ("phq-9") are content, checked with the journeys'.</summary>
    public static bool Claims(string text)
        => Connect().IsMatch(text) || MyClinician().IsMatch(text) || ChangeSharing().IsMatch(text) || Disconnect().IsMatch(text) || Share().IsMatch(text) || MyAssignments().IsMatch(text) || StartAssignment().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        Match m;
        if ((m = Connect().Match(text)).Success)
        {
            await ConnectAsync(turn, m.Groups[1].Value, cancellationToken).ConfigureAwait(false);
        }
        else if (MyClinician().IsMatch(text))
        {
            await ShowLinksAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        else if ((m = ChangeSharing().Match(text)).Success)
        {
            await ChangeSharingAsync(turn, m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null, cancellationToken).ConfigureAwait(false);
        }
        else if ((m = Disconnect().Match(text)).Success)
        {
            await DisconnectAsync(turn, m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null, cancellationToken).ConfigureAwait(false);
        }
        else if ((m = Share().Match(text)).Success)
        {
            await ShareAsync(turn, m.Groups[1].Value.Length == 0, m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null, cancellationToken).ConfigureAwait(false);
        }
        else if (MyAssignments().IsMatch(text))
        {
            await ShowAssignmentsAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        else if ((m = StartAssignment().Match(text)).Success)
        {
            if (turn.Dialogs.ActiveDialog is not null)
            {
                await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            }

            await turn.Dialogs.BeginDialogAsync(AssignedJourneyDialog.DialogId, new AssignedJourneyDialog.Request { AssignmentId = m.Groups[1].Value.ToLowerInvariant() }, cancellationToken).ConfigureAwait(false);
        }
        else if (measures.ByCommand(text) is { } measure)
        {
            if (await settings.WithheldByAsync(turn, measure.Id, cancellationToken).ConfigureAwait(false) is { } by)
            {
                await SayAsync(turn, strings.Text(SettingsStrings.MeasureNotOffered, ("clinician", by), ("title", measure.Title)), cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (turn.Dialogs.ActiveDialog is not null)
            {
                await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            }

            await turn.Dialogs.BeginDialogAsync(MeasuresDialog.DialogId, new MeasuresDialog.Request { MeasureId = measure.Id }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return false;
        }

        return true;
    }

    private async Task ConnectAsync(TurnInfo turn, string typed, CancellationToken cancellationToken)
    {
        var (status, code) = await codes.CheckAsync(turn.UserId, typed, cancellationToken).ConfigureAwait(false);
        if (status == CodeStatus.Valid && code is not null && await links.FindAsync(turn.UserId, code.Value.ClinicianId, cancellationToken).ConfigureAwait(false) is not null)
        {
            status = CodeStatus.AlreadyLinked;
        }

        if (status != CodeStatus.Valid || code is null)
        {
            await SayAsync(turn, ClinicStrings.CodeProblem(strings, status), cancellationToken).ConfigureAwait(false);
            return;
        }

        // On top of whatever is open: when consent is done, an interrupted journey picks up again.
        await turn.Dialogs.BeginDialogAsync(ConsentDialog.DialogId, new ConsentRequest
        {
            Code = code.Value.Code,
            ClinicianId = code.Value.ClinicianId,
            ClinicianName = code.Value.ClinicianName,
            SafetyNotes = await SafetyNotesOnAsync(code.Value.ClinicianId, cancellationToken).ConfigureAwait(false),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> SafetyNotesOnAsync(string clinicianId, CancellationToken cancellationToken)
        => (await store.GetAsync<ClinicianSettings>(ClinicianSafetyNotes.SettingsKey(clinicianId), cancellationToken).ConfigureAwait(false))?.SafetyNotes == true;

    private async Task ShowLinksAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var mine = await links.OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            await SayAsync(turn, strings[ClinicStrings.NoClinician], cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = mine.Select((l, i) => strings.Text(
            ClinicStrings.LinkLine,
            ("number", i + 1),
            ("clinician", l.ClinicianName),
            ("since", l.LinkedUtc.ToString("d MMM yyyy", CultureInfo.CurrentCulture)),
            ("sharing", ClinicStrings.SharingOf(strings, l.Consent))));
        var reply = MessageFactory.Text(strings.Text(ClinicStrings.Links, ("lines", string.Join("\n", lines))));
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [.. mine.Select((_, i) => new CardAction(ActionTypes.ImBack, strings.Text(ClinicStrings.ChangeSharingButton, ("number", i + 1)), value: $"change sharing {i + 1}")),
                .. mine.Select((_, i) => new CardAction(ActionTypes.ImBack, strings.Text(ClinicStrings.DisconnectButton, ("number", i + 1)), value: $"disconnect {i + 1}"))],
        };
        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClientLink?> PickAsync(TurnInfo turn, int? number, string verb, CancellationToken cancellationToken)
    {
        var mine = await links.OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            await SayAsync(turn, strings[ClinicStrings.NoClinicianShort], cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (number is null && mine.Count > 1)
        {
            await SayAsync(turn, strings.Text(ClinicStrings.WhichConnection, ("command", verb)), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var index = (number ?? 1) - 1;
        if (index < 0 || index >= mine.Count)
        {
            await SayAsync(turn, strings[ClinicStrings.NoSuchConnection], cancellationToken).ConfigureAwait(false);
            return null;
        }

        return mine[index];
    }

    private async Task ChangeSharingAsync(TurnInfo turn, int? number, CancellationToken cancellationToken)
    {
        if (await PickAsync(turn, number, "change sharing", cancellationToken).ConfigureAwait(false) is { } link)
        {
            await turn.Dialogs.BeginDialogAsync(ConsentDialog.DialogId, new ConsentRequest { ClinicianId = link.ClinicianId, ClinicianName = link.ClinicianName, SafetyNotes = await SafetyNotesOnAsync(link.ClinicianId, cancellationToken).ConfigureAwait(false) }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DisconnectAsync(TurnInfo turn, int? number, CancellationToken cancellationToken)
    {
        if (await PickAsync(turn, number, "disconnect", cancellationToken).ConfigureAwait(false) is { } link)
        {
            await links.UnlinkAsync(turn.UserId, link.ClinicianId, cancellationToken).ConfigureAwait(false);
            await SayAsync(turn, strings.Text(ClinicStrings.Disconnected, ("clinician", link.ClinicianName)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShareAsync(TurnInfo turn, bool share, int? number, CancellationToken cancellationToken)
    {
        var entries = await journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (number is null)
        {
            var recent = entries.Take(10).Select((e, i) => strings.Text(ClinicStrings.EntryLine, ("number", i + 1), ("title", e.JourneyTitle), ("date", e.CreatedUtc.ToString("d MMM yyyy", CultureInfo.CurrentCulture))));
            await SayAsync(turn, entries.Count == 0
                ? strings[ClinicStrings.JournalEmpty]
                : strings.Text(ClinicStrings.LatestEntries, ("lines", string.Join("\n", recent))), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (number < 1 || number > entries.Count)
        {
            await SayAsync(turn, strings[ClinicStrings.NoSuchEntry], cancellationToken).ConfigureAwait(false);
            return;
        }

        var entry = entries[number.Value - 1];
        var title = ("title", (object?)entry.JourneyTitle);
        var date = ("date", (object?)entry.CreatedUtc.ToString("d MMM", CultureInfo.CurrentCulture));
        if (share)
        {
            var linked = await links.ShareAsync(turn.UserId, entry.Id, cancellationToken).ConfigureAwait(false);
            var allowed = linked.Where(l => l.Consent.SharedEntries).Select(l => l.ClinicianName).ToList();
            await SayAsync(turn, linked.Count == 0
                ? strings[ClinicStrings.NobodyToShareWith]
                : allowed.Count == 0
                ? strings.Text(ClinicStrings.MarkedShared, title, date)
                : strings.Text(ClinicStrings.SharedWith, title, date, ("clinicians", ClinicStrings.EachAnd(strings, allowed)), ("number", number)), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await links.UnshareAsync(turn.UserId, entry.Id, cancellationToken).ConfigureAwait(false);
            await SayAsync(turn, strings.Text(ClinicStrings.Unshared, title, date), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ShowAssignmentsAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var active = await assignments.ActiveOfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (active.Count == 0)
        {
            await SayAsync(turn, strings[ClinicStrings.NoAssignments], cancellationToken).ConfigureAwait(false);
            return;
        }

        var zone = TimeZones.Of(turn.Context);
        var now = time.GetUtcNow();
        var lines = active.Select((a, i) =>
        {
            var next = a.Recurrence.Next(now) is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture) : strings[ClinicStrings.NoMoreDates];
            return strings.Text(ClinicStrings.AssignmentLine, ("number", i + 1), ("title", a.Title), ("clinician", a.ClinicianName), ("schedule", a.Recurrence.Describe(strings)), ("next", next));
        });
        var reply = MessageFactory.Text(strings.Text(ClinicStrings.Assignments, ("lines", string.Join("\n", lines))));
        reply.SuggestedActions = new SuggestedActions
        {
            Actions = [.. active.Select((a, i) => new CardAction(ActionTypes.ImBack, strings.Text(ClinicStrings.StartButton, ("number", i + 1)), value: DeliveryCard.StartCommand(a.Id)))],
        };
        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private static Task<ResourceResponse> SayAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*connect\s+(?:code\s+)?([A-Za-z0-9][A-Za-z0-9 \-]{3,12})\s*[.!]*\s*$", Options)]
    private static partial Regex Connect();

    [GeneratedRegex(@"^\s*(my clinicians?|my therapists?|clinicians?)\s*[.!?]*\s*$", Options)]
    private static partial Regex MyClinician();

    [GeneratedRegex(@"^\s*change sharing(?:\s+(\d{1,2}))?\s*$", Options)]
    private static partial Regex ChangeSharing();

    [GeneratedRegex(@"^\s*disconnect(?:\s+(\d{1,2}))?\s*[.!]*\s*$", Options)]
    private static partial Regex Disconnect();

    [GeneratedRegex(@"^\s*(un)?share(?:\s+(?:journal\s+)?entry)(?:\s+(\d{1,4}))?\s*$", Options)]
    private static partial Regex Share();

    [GeneratedRegex(@"^\s*my assign(ment)?s\s*[.!?]*\s*$", Options)]
    private static partial Regex MyAssignments();

    [GeneratedRegex(@"^\s*start assignment\s+([a-z0-9]{8})\s*$", Options)]
    private static partial Regex StartAssignment();
}

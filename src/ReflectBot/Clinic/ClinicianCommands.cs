using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// What a clinician can say: "new client code", "revoke code X", "assign", "assignments",
/// "cancel assignment ID", "clients", "open entry N.M". Everything a clinician reads of a client comes
/// through <see cref="ClinicianReads"/>. Anyone else gets a plain "only clinicians" answer.
/// </summary>
public sealed partial class ClinicianCommands(
    ClinicianRoles roles,
    JoinCodes codes,
    ClinicianReads reads,
    Assignments assignments,
    TimeProvider time,
    IOptions<ClinicOptions> options,
    ClinicStore store,
    JourneyCatalog journeys,
    StringCatalog strings) : ITurnCommand
{
    /// <summary>The phrases these commands take (from anyone else they get "only clinicians").</summary>
    public static bool Claims(string text)
        => SafetyNotes().IsMatch(text) || Command().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (SafetyNotes().Match(text) is { Success: true } notes)
        {
            if (!roles.IsClinician(turn.Context))
            {
                await SayAsync(turn, strings[ClinicStrings.OnlyClinicians], cancellationToken).ConfigureAwait(false);
                return true;
            }

            var on = notes.Groups["on"].Value.Equals("on", StringComparison.OrdinalIgnoreCase);
            await store.WriteAsync(ClinicianSafetyNotes.SettingsKey(turn.UserId), new ClinicianSettings { SafetyNotes = on }, cancellationToken: cancellationToken).ConfigureAwait(false);
            await SayAsync(turn, strings[on ? ClinicStrings.SafetyNotesOn : ClinicStrings.SafetyNotesOff], cancellationToken).ConfigureAwait(false);
            return true;
        }

        // While assigning, the answers belong to the form ("Daily check-in" picks that journey, it does not
        // start it): the assignment dialog's interruption policy in the routing table (Hosting/TurnRoutes).
        var m = Command().Match(text);
        if (!m.Success)
        {
            return false;
        }

        if (!roles.IsClinician(turn.Context))
        {
            await SayAsync(turn, strings[ClinicStrings.OnlyClinicians], cancellationToken).ConfigureAwait(false);
            return true;
        }

        var clinicianId = turn.UserId;
        switch (m.Groups["verb"].Value.ToLowerInvariant())
        {
            case var v when v.StartsWith("new", StringComparison.Ordinal):
                var code = await codes.CreateAsync(clinicianId, DisplayNames.Clean(turn.Context.Activity.From?.Name, strings[ClinicStrings.UnnamedClinician]), cancellationToken).ConfigureAwait(false);
                await SayAsync(turn, strings.Text(ClinicStrings.NewCode, ("code", code.Code), ("expires", code.ExpiresUtc.ToString("d MMM yyyy", CultureInfo.CurrentCulture))), cancellationToken).ConfigureAwait(false);
                break;
            case var v when v.StartsWith("revoke", StringComparison.Ordinal):
                await SayAsync(turn, await codes.RevokeAsync(clinicianId, m.Groups["arg"].Value, cancellationToken).ConfigureAwait(false)
                    ? strings[ClinicStrings.Revoked]
                    : strings[ClinicStrings.NoSuchCode], cancellationToken).ConfigureAwait(false);
                break;
            case var v when v.StartsWith("assign", StringComparison.Ordinal) && v != "assignments":
                if (turn.Dialogs.ActiveDialog is not null)
                {
                    await turn.Dialogs.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                }

                await turn.Dialogs.BeginDialogAsync(AssignDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
                break;
            case "assignments":
                await ListAssignmentsAsync(turn, clinicianId, cancellationToken).ConfigureAwait(false);
                break;
            case var v when v.StartsWith("cancel", StringComparison.Ordinal):
                await CancelAssignmentAsync(turn, clinicianId, m.Groups["arg"].Value.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
                break;
            case var v when v.Contains("clients", StringComparison.Ordinal):
                await ShowClientsAsync(turn, clinicianId, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OpenEntryAsync(turn, clinicianId, m.Groups["arg"].Value, cancellationToken).ConfigureAwait(false);
                break;
        }

        return true;
    }

    private async Task ListAssignmentsAsync(TurnInfo turn, string clinicianId, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        var actions = new List<CardAction>();
        var now = time.GetUtcNow();
        foreach (var client in await reads.ClientsAsync(clinicianId, cancellationToken).ConfigureAwait(false))
        {
            var theirs = await reads.AssignmentsAsync(clinicianId, client.ClientId, cancellationToken).ConfigureAwait(false) ?? [];
            builder.Append(CultureInfo.InvariantCulture, $"{client.ClientName}:").Append('\n');
            if (theirs.Count == 0)
            {
                builder.Append(strings[ClinicStrings.NothingAssigned]).Append('\n');
            }

            foreach (var a in theirs)
            {
                var zone = TimeZones.Find(a.Recurrence.TimeZoneId);
                var next = a.Recurrence.Next(now) is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture) : strings[ClinicStrings.Finished];
                builder.Append(strings.Text(ClinicStrings.ClinicianAssignmentLine, ("title", a.Title), ("schedule", a.Recurrence.Describe(strings)), ("next", next), ("id", a.Id))).Append('\n');
                actions.Add(new CardAction(ActionTypes.ImBack, strings.Text(ClinicStrings.CancelButton, ("title", a.Title), ("client", client.ClientName)), value: $"cancel assignment {a.Id}"));
            }
        }

        var reply = MessageFactory.Text(builder.Length == 0 ? strings[ClinicStrings.NoClientsYet] : builder.ToString().TrimEnd());
        if (actions.Count > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = actions };
        }

        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task CancelAssignmentAsync(TurnInfo turn, string clinicianId, string assignmentId, CancellationToken cancellationToken)
    {
        foreach (var client in await reads.ClientsAsync(clinicianId, cancellationToken).ConfigureAwait(false))
        {
            if (await assignments.CancelAsync(clinicianId, client.ClientId, assignmentId, cancellationToken).ConfigureAwait(false))
            {
                await SayAsync(turn, strings.Text(ClinicStrings.Cancelled, ("client", client.ClientName)), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        await SayAsync(turn, strings[ClinicStrings.NoSuchAssignment], cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowClientsAsync(TurnInfo turn, string clinicianId, CancellationToken cancellationToken)
    {
        var clients = await reads.ClientsAsync(clinicianId, cancellationToken).ConfigureAwait(false);
        if (clients.Count == 0)
        {
            await SayAsync(turn, strings[ClinicStrings.NoClientsForReview], cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var window = options.Value.MoodWindowDays;
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            var text = new StringBuilder(strings.Text(ClinicStrings.ClientHeader, ("number", i + 1), ("client", client.ClientName), ("since", client.LinkedUtc.ToString("d MMM yyyy", CultureInfo.InvariantCulture)))).Append('\n');

            if (await reads.CompletionAsync(clinicianId, client.ClientId, cancellationToken).ConfigureAwait(false) is { } completion)
            {
                var last = completion.LastCheckInUtc is { } at ? at.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : strings[ClinicStrings.NoCheckInYet];
                text.Append(strings.Text(ClinicStrings.CompletionWeek, ("done", completion.DoneThisWeek), ("missed", completion.MissedThisWeek), ("last", last))).Append('\n');
            }
            else
            {
                text.Append(strings[ClinicStrings.CompletionNotSharedLine]).Append('\n');
            }

            Attachment? chart = null;
            if (await reads.MoodAsync(clinicianId, client.ClientId, cancellationToken).ConfigureAwait(false) is { } mood)
            {
                text.Append(mood.Count > 0
                    ? strings.Text(ClinicStrings.MoodScoresLatest, ("count", mood.Count), ("days", window), ("latest", mood[^1].Mood))
                    : strings.Text(ClinicStrings.MoodScores, ("count", mood.Count), ("days", window))).Append('\n');
                foreach (var score in (await reads.ScoresAsync(clinicianId, client.ClientId, cancellationToken).ConfigureAwait(false) ?? []).Take(3))
                {
                    text.Append(strings.Text(
                        score.SafetyItem is null ? ClinicStrings.MeasureScoreLine : ClinicStrings.MeasureScoreWithItem,
                        ("measure", score.MeasureId.ToUpperInvariant()),
                        ("date", score.CreatedUtc.ToString("d MMM", CultureInfo.InvariantCulture)),
                        ("score", score.Score),
                        ("max", score.Max),
                        ("band", score.Band),
                        ("item", score.SafetyItem))).Append('\n');
                }

                var safety = await reads.SafetyCountAsync(clinicianId, client.ClientId, cancellationToken).ConfigureAwait(false) ?? 0;
                text.Append(strings.Text(safety == 1 ? ClinicStrings.SafetyShownOne : ClinicStrings.SafetyShownMany, ("count", safety), ("days", window))).Append('\n');
                if (mood.Count > 0)
                {
                    var png = Journal.MoodChart.Png([.. mood.Select(p => (p.AtUtc, p.Mood))], now.AddDays(-window), now, strings[ClinicStrings.MoodChartLabel], strings[Journal.JournalStrings.ChartAxis]);
                    chart = new Attachment("image/png", "data:image/png;base64," + Convert.ToBase64String(png), name: $"mood-{i + 1}.png");
                }
            }
            else
            {
                text.Append(strings[ClinicStrings.MoodNotSharedLine]).Append('\n');
            }

            if (await reads.SharedEntriesAsync(clinicianId, client.ClientId, cancellationToken).ConfigureAwait(false) is { } shared)
            {
                text.Append(shared.Count == 0
                    ? strings[ClinicStrings.SharedEntriesNone]
                    : strings.Text(ClinicStrings.SharedEntries, ("count", shared.Count), ("number", i + 1))).Append('\n');
                for (var j = 0; j < Math.Min(shared.Count, 5); j++)
                {
                    text.Append(strings.Text(ClinicStrings.SharedEntryLine, ("number", i + 1), ("entry", j + 1), ("title", shared[j].JourneyTitle), ("date", shared[j].CreatedUtc.ToString("d MMM yyyy", CultureInfo.InvariantCulture)))).Append('\n');
                }
            }
            else
            {
                text.Append(strings[ClinicStrings.SharedNotAllowed]).Append('\n');
            }

            var reply = MessageFactory.Text(text.ToString().TrimEnd());
            if (chart is not null)
            {
                reply.Attachments = [chart];
            }

            await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OpenEntryAsync(TurnInfo turn, string clinicianId, string arg, CancellationToken cancellationToken)
    {
        var parts = arg.Split('.');
        var clients = await reads.ClientsAsync(clinicianId, cancellationToken).ConfigureAwait(false);
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var c) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var e) || c < 1 || c > clients.Count)
        {
            await SayAsync(turn, strings[ClinicStrings.NoSuchClientEntry], cancellationToken).ConfigureAwait(false);
            return;
        }

        var shared = await reads.SharedEntriesAsync(clinicianId, clients[c - 1].ClientId, cancellationToken).ConfigureAwait(false);
        if (shared is null || e < 1 || e > shared.Count)
        {
            await SayAsync(turn, strings[ClinicStrings.NoSuchSharedEntry], cancellationToken).ConfigureAwait(false);
            return;
        }

        var entry = shared[e - 1];
        var body = new StringBuilder(strings.Text(ClinicStrings.EntryHeader, ("client", clients[c - 1].ClientName), ("title", entry.JourneyTitle), ("date", entry.CreatedUtc.ToString("d MMM yyyy", CultureInfo.InvariantCulture)))).Append('\n');
        foreach (var (stepId, answer) in entry.Answers)
        {
            // The question as it was asked (or as the journey asks it now), never the step's id.
            body.Append(strings.Text(ClinicStrings.EntryAnswer, ("question", JournalFormat.Question(journeys, entry, stepId)), ("answer", answer))).Append('\n');
        }

        await SayAsync(turn, body.ToString().TrimEnd(), cancellationToken).ConfigureAwait(false);
    }

    private static Task<ResourceResponse> SayAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    [GeneratedRegex(@"^\s*safety notes (?<on>on|off)\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SafetyNotes();

    [GeneratedRegex(@"^\s*(?<verb>new client code|new code|revoke code|assign|assign a reflection|assignments|cancel assignment|clients|my clients|open entry)(?:\s+(?<arg>[A-Za-z0-9.\-]+))?\s*[.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Command();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Safety;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Clinic;

/// <summary>
/// Between sessions. Clinicians: "summary for NAME", "export summary for NAME", "next session for NAME on DATE",
/// "reply to entry N.M: TEXT". Clients: "bring this to my session[: TEXT]". Every read goes through
/// <see cref="ClinicianReads"/> (via <see cref="SessionSummaries"/>), so a clinician sees only their own linked clients.
/// </summary>
public sealed partial class SessionCommands(
    ClinicianRoles roles,
    ClinicianReads reads,
    SessionSummaries summaries,
    SummaryNotes notes,
    ClinicLinks links,
    ClinicStore store,
    IJournalStore journal,
    ClinicianTextScreen screen,
    ExportLinks exportLinks,
    IHttpContextAccessor http,
    IOptions<JournalOptions> journalOptions,
    TimeProvider time,
    StringCatalog strings) : ITurnCommand
{
    public const int MaxReplyChars = 280;

    public static bool Claims(string text)
        => Summary().IsMatch(text) || NextSession().IsMatch(text) || Reply().IsMatch(text) || Bring().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Bring().Match(text) is { Success: true } bring)
        {
            await BringAsync(turn, bring.Groups["text"].Value.Trim(), cancellationToken).ConfigureAwait(false);
            return true;
        }

        Match m;
        if (!(m = Summary().Match(text)).Success && !(m = NextSession().Match(text)).Success && !(m = Reply().Match(text)).Success)
        {
            return false;
        }

        if (!roles.IsClinician(turn.Context))
        {
            await SayAsync(turn, strings[ClinicStrings.OnlyClinicians], cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (m.Groups["c"].Success)
        {
            await ReplyAsync(turn, m, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var name = m.Groups["name"].Value.Trim();
        if (await summaries.FindClientAsync(turn.UserId, name, cancellationToken).ConfigureAwait(false) is not { } client)
        {
            await SayAsync(turn, strings.Text(SessionStrings.NoSuchClient, ("name", name)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var zone = TimeZones.Of(turn.Context);
        if (m.Groups["date"].Success)
        {
            await SetSessionAsync(turn, client, m.Groups["date"].Value, zone, cancellationToken).ConfigureAwait(false);
        }
        else if (m.Groups["export"].Success)
        {
            await ExportAsync(turn, client, zone, cancellationToken).ConfigureAwait(false);
        }
        else if (await notes.CardAsync(turn.UserId, client.ClientId, zone, cancellationToken).ConfigureAwait(false) is { } card)
        {
            await turn.Context.SendActivityAsync(MessageFactory.Attachment(card.Card), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task SetSessionAsync(TurnInfo turn, ClientLink client, string typed, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (!DateTime.TryParse(typed.Trim(), CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            await SayAsync(turn, strings[SessionStrings.SessionUnclear], cancellationToken).ConfigureAwait(false);
            return;
        }

        var at = Recurrence.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var now = time.GetUtcNow();
        if (at <= now)
        {
            await SayAsync(turn, strings[SessionStrings.SessionPast], cancellationToken).ConfigureAwait(false);
            return;
        }

        await store.UpdateAsync<SessionDate>(ClinicKeys.Session(client.ClientId, turn.UserId), current =>
        {
            var next = current ?? new SessionDate();

            // The session that has passed becomes the one the summary counts from.
            if (next.NextUtc is { } previous && previous <= now)
            {
                next.LastUtc = previous;
            }

            next.NextUtc = at;
            next.TimeZone = zone.Id;
            return next;
        }, cancellationToken).ConfigureAwait(false);
        await SayAsync(turn, strings.Text(SessionStrings.SessionSet, ("client", client.ClientName), ("when", SummaryLines.When(at, zone))), cancellationToken).ConfigureAwait(false);
    }

    private async Task ExportAsync(TurnInfo turn, ClientLink client, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var baseUrl = BaseUrl();
        if (baseUrl is null)
        {
            // No web address to link to (the terminal chat): the files come as attachments.
            var files = new List<Attachment>();
            foreach (var format in new[] { SummaryNotes.Pdf, SummaryNotes.Markdown })
            {
                if (await notes.FileAsync(turn.UserId, client.ClientId, format, zone, cancellationToken).ConfigureAwait(false) is { } file)
                {
                    files.Add(new Attachment(file.ContentType, $"data:{file.ContentType.Split(';')[0]};base64,{Convert.ToBase64String(file.Content)}", name: file.FileName));
                }
            }

            var attached = MessageFactory.Text(strings.Text(SessionStrings.ExportAttached, ("client", client.ClientName)));
            attached.Attachments = files;
            await turn.Context.SendActivityAsync(attached, cancellationToken).ConfigureAwait(false);
            return;
        }

        var pdf = $"{baseUrl}/clinic/notes/{exportLinks.Create(turn.UserId, SummaryNotes.Pdf, zone.Id, client.ClientId)}";
        var markdown = $"{baseUrl}/clinic/notes/{exportLinks.Create(turn.UserId, SummaryNotes.Markdown, zone.Id, client.ClientId)}";
        var card = new HeroCard
        {
            Title = strings.Text(SessionStrings.ExportTitle, ("client", client.ClientName)),
            Text = strings.Text(SessionStrings.ExportText, ("minutes", (int)journalOptions.Value.ExportLinkLifetime.TotalMinutes), ("pdf", pdf), ("markdown", markdown)),
            Buttons = [new CardAction(ActionTypes.OpenUrl, strings[SessionStrings.DownloadPdf], value: pdf), new CardAction(ActionTypes.OpenUrl, strings[SessionStrings.DownloadMarkdown], value: markdown)],
        };
        await turn.Context.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplyAsync(TurnInfo turn, Match m, CancellationToken cancellationToken)
    {
        var text = m.Groups["text"].Value.Trim();
        if (text.Length > MaxReplyChars || text.Split('\n').Length > 2)
        {
            await SayAsync(turn, strings.Text(SessionStrings.ReplyTooLong, ("max", MaxReplyChars)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var clients = await reads.ClientsAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        var c = int.Parse(m.Groups["c"].Value, CultureInfo.InvariantCulture);
        var e = int.Parse(m.Groups["e"].Value, CultureInfo.InvariantCulture);
        var shared = c >= 1 && c <= clients.Count ? await reads.SharedEntriesAsync(turn.UserId, clients[c - 1].ClientId, cancellationToken).ConfigureAwait(false) : null;
        if (shared is null || e < 1 || e > shared.Count)
        {
            await SayAsync(turn, strings[ClinicStrings.NoSuchClientEntry], cancellationToken).ConfigureAwait(false);
            return;
        }

        var client = clients[c - 1];

        // The clinician's words reach a person who may be fragile: screened for risk language and for what they say to the reader.
        var verdict = await screen.CheckAsync([text], cancellationToken).ConfigureAwait(false);
        if (verdict.Held)
        {
            var why = verdict.Reason == OthersTextReason.HarmfulToReader ? SessionStrings.ReplyHeldHarmful : SessionStrings.ReplyHeld;
            await SayAsync(turn, strings.Text(why, ("client", client.ClientName)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var reply = new EntryReply
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            ClinicianId = turn.UserId,
            ClinicianName = client.ClinicianName,
            EntryTitle = shared[e - 1].JourneyTitle,
            Text = text,
            CreatedUtc = time.GetUtcNow(),
        };
        await store.WriteAsync(ClinicKeys.Reply(client.ClientId, reply.Id), reply, cancellationToken: cancellationToken).ConfigureAwait(false);
        await SayAsync(turn, strings.Text(SessionStrings.ReplySaved, ("client", client.ClientName)), cancellationToken).ConfigureAwait(false);
    }

    private async Task BringAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
    {
        var mine = await links.OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            await SayAsync(turn, strings[SessionStrings.FlagNoClinician], cancellationToken).ConfigureAwait(false);
            return;
        }

        string? title = null;
        if (text.Length == 0)
        {
            var entries = await journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                await SayAsync(turn, strings[SessionStrings.FlagNothing], cancellationToken).ConfigureAwait(false);
                return;
            }

            title = entries[0].JourneyTitle;
        }

        var flag = new SessionFlag
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            ClinicianIds = [.. mine.Select(l => l.ClinicianId)],
            Text = text,
            EntryTitle = title,
            CreatedUtc = time.GetUtcNow(),
        };
        await store.WriteAsync(ClinicKeys.Flag(turn.UserId, flag.Id), flag, cancellationToken: cancellationToken).ConfigureAwait(false);
        await SayAsync(turn, strings.Text(SessionStrings.FlagSaved, ("clinicians", ClinicStrings.EachAnd(strings, [.. mine.Select(l => l.ClinicianName)]))), cancellationToken).ConfigureAwait(false);
    }

    private string? BaseUrl() => LinkAddress.Of(journalOptions.Value, http.HttpContext);

    private static Task<ResourceResponse> SayAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(?<export>export\s+)?(?:session\s+)?summary for (?<name>[^\r\n]{1,60}?)\s*[.!?]*\s*$", Options)]
    private static partial Regex Summary();

    [GeneratedRegex(@"^\s*next session for (?<name>[^\r\n]{1,60}?) (?:on|at) (?<date>[^\r\n]{3,60}?)\s*$", Options)]
    private static partial Regex NextSession();

    [GeneratedRegex(@"^\s*reply to entry (?<c>\d{1,3})\.(?<e>\d{1,3})\s*:\s*(?<text>.+?)\s*$", Options | RegexOptions.Singleline)]
    private static partial Regex Reply();

    [GeneratedRegex(@"^\s*bring (?:this|that|it) to (?:my|the) (?:next )?session(?:\s*:\s*(?<text>.{1,500}))?\s*[.!]*\s*$", Options | RegexOptions.Singleline)]
    private static partial Regex Bring();
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Journal;

/// <summary>
/// "my journal", "read 2", "journal from last week", "entries about abandonment", "mood", "export". These
/// read the journal; nothing else in a turn does, so a check-in costs the same with 5 entries or 5,000.
/// </summary>
public sealed partial class JournalCommands : ITurnCommand
{
    /// <summary>The phrases these commands take (a bare number only after a listing, with nothing in progress).</summary>
    public static bool Claims(string text)
        => List().IsMatch(text) || Delete().IsMatch(text) || Read().IsMatch(text) || BareNumber().IsMatch(text) || From().IsMatch(text) || About().IsMatch(text) || Mood().IsMatch(text) || Export().IsMatch(text) || WhereIsExport().IsMatch(text) || Edit().IsMatch(text);

    public const int ListSize = 10;

    /// <summary>The buttons under "Delete entry 2 …?": phrases <see cref="ConfirmDelete"/> and <see cref="KeepEntry"/> match.</summary>
    public const string YesDelete = "yes, delete it";

    public const string NoKeep = "no, keep it";

    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromMinutes(10);

    private readonly IJournalStore _journal;
    private readonly StringCatalog _strings;
    private readonly JourneyCatalog _catalog;
    private readonly ExportLinks _links;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _time;
    private readonly IOptions<JournalOptions> _options;
    private readonly ILogger<JournalCommands> _logger;
    private readonly IStatePropertyAccessor<JournalListing> _listing;

    public JournalCommands(IJournalStore journal, JourneyCatalog catalog, StringCatalog strings, ExportLinks links, IHttpContextAccessor http, TimeProvider time, IOptions<JournalOptions> options, ConversationState conversationState, ILogger<JournalCommands> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _journal = journal;
        _catalog = catalog;
        _strings = strings;
        _links = links;
        _http = http;
        _time = time;
        _options = options;
        _logger = logger;
        _listing = conversationState.CreateProperty<JournalListing>("journalListing");
    }


    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // "Delete entry 2 …?" is answered by the very next message that reaches the journal; anything else drops it.
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        if (listing.DeleteAsked > 0)
        {
            var number = listing.DeleteAsked;
            var until = listing.DeleteAskedUntil;
            listing.DeleteAsked = 0;
            listing.DeleteAskedUntil = null;
            await _listing.SetAsync(turn.Context, listing, cancellationToken).ConfigureAwait(false);
            if (until > _time.GetUtcNow() && ConfirmDelete().IsMatch(text))
            {
                await DeleteConfirmedAsync(turn, listing, number, cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (KeepEntry().IsMatch(text))
            {
                await Say(turn, _strings.Text(JournalStrings.EntryKept, ("number", number)), cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        if (List().IsMatch(text))
        {
            await ListAsync(turn, _strings[JournalStrings.LatestHeading], e => true, cancellationToken, latest: true).ConfigureAwait(false);
            return true;
        }

        if (Delete().Match(text) is { Success: true } delete)
        {
            return await DeleteAsync(turn, int.Parse(delete.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        if (Read().Match(text) is { Success: true } read)
        {
            return await ReadAsync(turn, int.Parse(read.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        if (turn.Dialogs.ActiveDialog is null && BareNumber().Match(text) is { Success: true } bare)
        {
            if (listing.Ids.Count > 0)
            {
                return await ReadAsync(turn, int.Parse(bare.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        if (From().Match(text) is { Success: true } from)
        {
            var zone = TimeZones.Of(turn.Context);
            var phrase = from.Groups["when"].Value;
            if (JournalSearch.Range(phrase, zone, _time.GetUtcNow()) is not { } range)
            {
                await Say(turn, _strings.Text(JournalStrings.DatesUnclear, ("phrase", phrase.Trim())), cancellationToken).ConfigureAwait(false);
                return true;
            }

            var heading = _strings.Text(JournalStrings.FromHeading, ("from", $"{JournalFormat.Local(range.From, zone):d MMM}"), ("to", $"{JournalFormat.Local(range.To.AddSeconds(-1), zone):d MMM}"));
            await ListAsync(turn, heading, e => e.CreatedUtc >= range.From && e.CreatedUtc < range.To, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (About().Match(text) is { Success: true } about)
        {
            var query = about.Groups["q"].Value.Trim();
            await ListAsync(turn, _strings.Text(JournalStrings.AboutHeading, ("query", query)), e => JournalSearch.Matches(e, query), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Mood().IsMatch(text))
        {
            await MoodAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Edit().Match(text) is { Success: true } edit)
        {
            // Entries are kept as they were written; what can be done instead, with the person's own number.
            var says = edit.Groups["n"].Success
                ? _strings.Text(JournalStrings.CannotEditNumber, ("number", int.Parse(edit.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                : _strings[JournalStrings.CannotEdit];
            await Say(turn, says, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // "where did it go? i don't see a file": the export again, which says where it is (the terminal) or links it.
        if (Export().IsMatch(text) || WhereIsExport().IsMatch(text))
        {
            await ExportAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task ListAsync(TurnInfo turn, string heading, Func<JournalEntry, bool> filter, CancellationToken cancellationToken, bool latest = false)
    {
        var zone = TimeZones.Of(turn.Context);
        var all = await _journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        var shown = all.Where(filter).Take(ListSize).ToList();
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        listing.Ids = [.. shown.Select(e => e.Id)];
        await _listing.SetAsync(turn.Context, listing, cancellationToken).ConfigureAwait(false);

        if (shown.Count == 0)
        {
            var none = all.Count == 0 ? _strings[JournalStrings.Empty] : _strings[JournalStrings.NoneFound];
            await Say(turn, none, cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = string.Join("\n", shown.Select((e, i) => JournalFormat.Line(i + 1, e, zone, _strings)));
        var more = all.Count > shown.Count && latest ? "\n" + _strings.Text(JournalStrings.MoreEntries, ("count", all.Count)) : string.Empty;
        var reply = Suggestions.Of([.. shown.Take(5).Select((_, i) => $"read {i + 1}")], $"{heading}\n{lines}{more}\n\n{_strings[JournalStrings.ListFooter]}");
        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ReadAsync(TurnInfo turn, int number, CancellationToken cancellationToken)
    {
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        if (listing.Ids.Count == 0)
        {
            await Say(turn, _strings[JournalStrings.ListFirstToRead], cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (number < 1 || number > listing.Ids.Count)
        {
            await Say(turn, _strings.Text(JournalStrings.PickNumber, ("max", listing.Ids.Count)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var entry = listing.Ids[number - 1] is { Length: > 0 } id ? await _journal.ReadAsync(turn.UserId, id, cancellationToken).ConfigureAwait(false) : null;
        var text = entry is null ? _strings[JournalStrings.EntryGone] : JournalFormat.Entry(entry, TimeZones.Of(turn.Context), _catalog, _strings);
        await Say(turn, text, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// "delete entry 2": one entry of the last listing, such as a safety moment the user would rather not keep. It asks
    /// first, naming the entry, because a deleted entry cannot come back; the yes is taken by <see cref="DeleteConfirmedAsync"/>.
    /// </summary>
    private async Task<bool> DeleteAsync(TurnInfo turn, int number, CancellationToken cancellationToken)
    {
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        if (number < 1 || number > listing.Ids.Count)
        {
            await Say(turn, listing.Ids.Count == 0 ? _strings[JournalStrings.ListFirstToDelete] : _strings.Text(JournalStrings.PickNumber, ("max", listing.Ids.Count)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var entry = listing.Ids[number - 1] is { Length: > 0 } id ? await _journal.ReadAsync(turn.UserId, id, cancellationToken).ConfigureAwait(false) : null;
        if (entry is null)
        {
            await Say(turn, _strings[JournalStrings.EntryGone], cancellationToken).ConfigureAwait(false);
            return true;
        }

        listing.DeleteAsked = number;
        listing.DeleteAskedUntil = _time.GetUtcNow() + ConfirmWithin;
        await _listing.SetAsync(turn.Context, listing, cancellationToken).ConfigureAwait(false);
        var question = _strings.Text(JournalStrings.ConfirmDelete, ("number", number), ("title", entry.JourneyTitle), ("when", JournalFormat.When(entry.CreatedUtc, TimeZones.Of(turn.Context))));
        await turn.Context.SendActivityAsync(Suggestions.Of([YesDelete, NoKeep], question), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Deletes the entry asked about. Its number is left empty rather than closing the gap, so the numbers the person
    /// still sees on screen keep meaning the same entries (a renumbered list once made a second "delete entry 2" take
    /// the wrong one).
    /// </summary>
    private async Task DeleteConfirmedAsync(TurnInfo turn, JournalListing listing, int number, CancellationToken cancellationToken)
    {
        var id = number <= listing.Ids.Count ? listing.Ids[number - 1] : string.Empty;
        var entry = id.Length > 0 ? await _journal.ReadAsync(turn.UserId, id, cancellationToken).ConfigureAwait(false) : null;
        if (entry is null || !await _journal.DeleteAsync(turn.UserId, id, cancellationToken).ConfigureAwait(false))
        {
            await Say(turn, _strings[JournalStrings.EntryGone], cancellationToken).ConfigureAwait(false);
            return;
        }

        listing.Ids[number - 1] = string.Empty;
        await _listing.SetAsync(turn.Context, listing, cancellationToken).ConfigureAwait(false);
        var when = JournalFormat.When(entry.CreatedUtc, TimeZones.Of(turn.Context));
        await Say(turn, _strings.Text(JournalStrings.EntryDeleted, ("number", number), ("title", entry.JourneyTitle), ("when", when)), cancellationToken).ConfigureAwait(false);
    }

    private async Task MoodAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Of(turn.Context);
        var now = _time.GetUtcNow();
        var points = MoodChart.Points(await _journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false), zone, now);
        var summary = MoodChart.Summary(points, _strings);
        var reply = MessageFactory.Text(summary);
        if (points.Count > 0)
        {
            try
            {
                var png = MoodChart.Png(points, JournalFormat.Local(now, zone), _strings);
                // Web Chat uses an image attachment's name as its alt text: the chart's says what the summary says.
                var alt = _strings.Text(JournalStrings.ChartAlt, ("summary", summary));
                reply.Attachments = [new Attachment("image/png", $"data:image/png;base64,{Convert.ToBase64String(png)}", name: alt)];
            }
            catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or InvalidOperationException or ArgumentException)
            {
                // No chart is better than no answer: the summary says it all in words.
                JournalLog.ChartFailed(_logger, ex.GetType().Name);
            }
        }

        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExportAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Of(turn.Context);
        var baseUrl = BaseUrl();
        if (baseUrl is null)
        {
            // No web address to link to (the terminal chat): hand the files over as attachments.
            var entries = await _journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
            var files = new[] { JournalExport.Markdown, JournalExport.Json }
                .Select(f => JournalExport.Render(f, entries, zone, _time.GetUtcNow(), _catalog, _strings))
                .Select(f => new Attachment(f.ContentType, $"data:{f.ContentType.Split(';')[0]};base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(f.Content))}", name: f.FileName))
                .ToList();
            var attached = MessageFactory.Text(entries.Count == 1 ? _strings[JournalStrings.ExportAttachedOne] : _strings.Text(JournalStrings.ExportAttached, ("count", entries.Count)));
            attached.Attachments = files;
            await turn.Context.SendActivityAsync(attached, cancellationToken).ConfigureAwait(false);
            return;
        }

        var markdown = $"{baseUrl}/journal/export/{_links.Create(turn.UserId, JournalExport.Markdown, zone.Id)}";
        var json = $"{baseUrl}/journal/export/{_links.Create(turn.UserId, JournalExport.Json, zone.Id)}";
        var minutes = (int)_options.Value.ExportLinkLifetime.TotalMinutes;
        var card = new HeroCard
        {
            Title = _strings[JournalStrings.ExportTitle],
            Text = _strings.Text(JournalStrings.ExportText, ("minutes", minutes), ("markdown", markdown), ("json", json)),
            Buttons = [new CardAction(ActionTypes.OpenUrl, _strings[JournalStrings.DownloadMarkdown], value: markdown), new CardAction(ActionTypes.OpenUrl, _strings[JournalStrings.DownloadJson], value: json)],
        };
        await turn.Context.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    private string? BaseUrl() => LinkAddress.Of(_options.Value, _http.HttpContext);

    private static Task<ResourceResponse> Say(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*((show|open|see|view|read) )?(me )?(my )?(journal|entries|journal entries|diary)\s*[.!?]*\s*$", Options)]
    private static partial Regex List();

    [GeneratedRegex(@"^\s*(delete|remove|erase) (journal )?entry (number |no\.? |#)?(?<n>\d{1,3})\s*[.!]*\s*$", Options)]
    private static partial Regex Delete();

    [GeneratedRegex(@"^\s*(yes,? delete (it|this|that|this one|that one|the entry|entry \d{1,3})|yes,? please|yes,? i'?m sure|yes|y|yep|yeah|delete it|ok|okay)\s*[.!]*\s*$", Options)]
    private static partial Regex ConfirmDelete();

    [GeneratedRegex(@"^\s*(no,? keep it|no|nope|n|keep it|don'?t delete( it)?|no,? don'?t)\s*[.!]*\s*$", Options)]
    private static partial Regex KeepEntry();

    [GeneratedRegex(@"^\s*(read|open|show|entry)( entry)? (number |no\.? |#)?(?<n>\d{1,3})\s*$", Options)]
    private static partial Regex Read();

    [GeneratedRegex(@"^\s*#?(?<n>\d{1,2})\s*$", Options)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^\s*((show|find) )?(me )?(my )?(journal|entries|journal entries|what i wrote)( entries)? (from|for|in|on|during|since|between|of) (?<when>.{2,60})$", Options)]
    private static partial Regex From();

    [GeneratedRegex(@"^\s*((show|find) )?(me )?(my )?((journal )?entries|journal|what i wrote) (about|mentioning|on|with|containing) (?<q>.{2,60})$|^\s*search( my journal)?( for)? (?<q>.{2,60})$", Options)]
    private static partial Regex About();

    [GeneratedRegex(@"^\s*((show )?(me )?(my )?mood( chart| trend| graph)?|how has my mood been\??)\s*[.!?]*\s*$", Options)]
    private static partial Regex Mood();

    // "export", and the ways people ask for it: "can i export this to send to my therapist", "download my journal".
    [GeneratedRegex(@"^\s*(please )?((can|could|how (do|can)|may) i |i (want|need|would like|'d like) to |let me |how to )?(export|download|get a copy of|save a copy of|take a copy of|make a copy of)( (it|this|that|them|all|all of it|everything|(my |the )?(whole )?(journal|data|entries|journal entries|reflections|stuff)))?( (to|so i can|for|and) (send|give|show|share|email|e-mail|bring|take)( it| this| them)?( to| with)? (my )?(therapist|counsell?or|doctor|gp|clinician|psychologist|psychiatrist|session|someone|a friend|partner))?( please)?\s*[.!?]*\s*$", Options)]
    private static partial Regex Export();

    [GeneratedRegex(@"^\s*(where('?s| is| are| did| do)|i (don'?t|do not|can'?t|cannot) (see|find)) .{0,40}\b(file|files|export|exports|download|downloads)\b.{0,40}$", Options)]
    private static partial Regex WhereIsExport();

    [GeneratedRegex(@"^\s*((can|could|how (do|can)|may) i |i (want|need|would like|'d like) to |let me |please )?(edit|change|fix|correct|update|rewrite|amend) ((journal )?entry (number |no\.? |#)?(?<n>\d{1,3})|(an|my|the|this|that|a) (journal )?entry)\b.{0,80}$", Options)]
    private static partial Regex Edit();
}

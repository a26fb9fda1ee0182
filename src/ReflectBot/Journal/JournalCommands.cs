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
        => List().IsMatch(text) || Delete().IsMatch(text) || Read().IsMatch(text) || BareNumber().IsMatch(text) || From().IsMatch(text) || About().IsMatch(text) || Mood().IsMatch(text) || Export().IsMatch(text);

    public const int ListSize = 10;

    private readonly IJournalStore _journal;
    private readonly JourneyCatalog _catalog;
    private readonly ExportLinks _links;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _time;
    private readonly IOptions<JournalOptions> _options;
    private readonly ILogger<JournalCommands> _logger;
    private readonly IStatePropertyAccessor<JournalListing> _listing;

    public JournalCommands(IJournalStore journal, JourneyCatalog catalog, ExportLinks links, IHttpContextAccessor http, TimeProvider time, IOptions<JournalOptions> options, ConversationState conversationState, ILogger<JournalCommands> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _journal = journal;
        _catalog = catalog;
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

        if (List().IsMatch(text))
        {
            await ListAsync(turn, "Your latest entries:", e => true, cancellationToken).ConfigureAwait(false);
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
            var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
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
                await Say(turn, $"I couldn't tell which dates \"{phrase.Trim()}\" means. Try \"journal from last week\" or \"entries from 3 March\".", cancellationToken).ConfigureAwait(false);
                return true;
            }

            var span = $"{JournalFormat.Local(range.From, zone):d MMM} to {JournalFormat.Local(range.To.AddSeconds(-1), zone):d MMM}";
            await ListAsync(turn, $"Your entries from {span}:", e => e.CreatedUtc >= range.From && e.CreatedUtc < range.To, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (About().Match(text) is { Success: true } about)
        {
            var query = about.Groups["q"].Value.Trim();
            await ListAsync(turn, $"Your entries about \"{query}\":", e => JournalSearch.Matches(e, query), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Mood().IsMatch(text))
        {
            await MoodAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Export().IsMatch(text))
        {
            await ExportAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task ListAsync(TurnInfo turn, string heading, Func<JournalEntry, bool> filter, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Of(turn.Context);
        var all = await _journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        var shown = all.Where(filter).Take(ListSize).ToList();
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        listing.Ids = [.. shown.Select(e => e.Id)];
        await _listing.SetAsync(turn.Context, listing, cancellationToken).ConfigureAwait(false);

        if (shown.Count == 0)
        {
            var none = all.Count == 0 ? "Your journal is empty so far. Finish a reflection (try \"check in\") and say yes to saving it." : "I found no entries for that.";
            await Say(turn, none, cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = string.Join("\n", shown.Select((e, i) => JournalFormat.Line(i + 1, e, zone)));
        var more = all.Count > shown.Count && heading.StartsWith("Your latest", StringComparison.Ordinal) ? $"\n({all.Count} entries in all; \"export\" gives you every one.)" : string.Empty;
        var reply = Suggestions.Of([.. shown.Take(5).Select((_, i) => $"read {i + 1}")], $"{heading}\n{lines}{more}\n\nType \"read\" and a number to open one, or \"delete entry\" and a number to delete it.");
        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> ReadAsync(TurnInfo turn, int number, CancellationToken cancellationToken)
    {
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        if (listing.Ids.Count == 0)
        {
            await Say(turn, "Type \"my journal\" first to see your entries, then \"read\" and a number.", cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (number < 1 || number > listing.Ids.Count)
        {
            await Say(turn, $"Pick a number from 1 to {listing.Ids.Count}.", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var entry = await _journal.ReadAsync(turn.UserId, listing.Ids[number - 1], cancellationToken).ConfigureAwait(false);
        var text = entry is null ? "That entry isn't there any more." : JournalFormat.Entry(entry, TimeZones.Of(turn.Context), _catalog);
        await Say(turn, text, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>"delete entry 2": one entry of the last listing, such as a safety moment the user would rather not keep.</summary>
    private async Task<bool> DeleteAsync(TurnInfo turn, int number, CancellationToken cancellationToken)
    {
        var listing = await _listing.GetAsync(turn.Context, () => new JournalListing(), cancellationToken).ConfigureAwait(false);
        if (number < 1 || number > listing.Ids.Count)
        {
            await Say(turn, listing.Ids.Count == 0 ? "Type \"my journal\" first to see your entries, then \"delete entry\" and a number." : $"Pick a number from 1 to {listing.Ids.Count}.", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var deleted = await _journal.DeleteAsync(turn.UserId, listing.Ids[number - 1], cancellationToken).ConfigureAwait(false);
        listing.Ids = [.. listing.Ids.Where((_, i) => i != number - 1)];
        await _listing.SetAsync(turn.Context, listing, cancellationToken).ConfigureAwait(false);
        await Say(turn, deleted ? $"Entry {number} is deleted." : "That entry isn't there any more.", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task MoodAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Of(turn.Context);
        var now = _time.GetUtcNow();
        var points = MoodChart.Points(await _journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false), zone, now);
        var reply = MessageFactory.Text(MoodChart.Summary(points));
        if (points.Count > 0)
        {
            try
            {
                var png = MoodChart.Png(points, JournalFormat.Local(now, zone));
                reply.Attachments = [new Attachment("image/png", $"data:image/png;base64,{Convert.ToBase64String(png)}", name: "mood.png")];
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
                .Select(f => JournalExport.Render(f, entries, zone, _time.GetUtcNow(), _catalog))
                .Select(f => new Attachment(f.ContentType, $"data:{f.ContentType.Split(';')[0]};base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(f.Content))}", name: f.FileName))
                .ToList();
            var attached = MessageFactory.Text($"Here's your whole journal ({entries.Count} entries), as Markdown and as JSON.");
            attached.Attachments = files;
            await turn.Context.SendActivityAsync(attached, cancellationToken).ConfigureAwait(false);
            return;
        }

        var markdown = $"{baseUrl}/journal/export/{_links.Create(turn.UserId, JournalExport.Markdown, zone.Id)}";
        var json = $"{baseUrl}/journal/export/{_links.Create(turn.UserId, JournalExport.Json, zone.Id)}";
        var minutes = (int)_options.Value.ExportLinkLifetime.TotalMinutes;
        var card = new HeroCard
        {
            Title = "Your journal export",
            Text = $"Your whole journal, to keep: as Markdown (to read) or JSON (to move elsewhere). The links work for {minutes} minutes; anyone with a link can download it until then, so keep them to yourself.\n\nMarkdown: {markdown}\n\nJSON: {json}",
            Buttons = [new CardAction(ActionTypes.OpenUrl, "Download Markdown", value: markdown), new CardAction(ActionTypes.OpenUrl, "Download JSON", value: json)],
        };
        await turn.Context.SendActivityAsync(MessageFactory.Attachment(card.ToAttachment()), cancellationToken).ConfigureAwait(false);
    }

    private string? BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(_options.Value.PublicBaseUrl))
        {
            return _options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var request = _http.HttpContext?.Request;
        return request is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    private static Task<ResourceResponse> Say(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*((show|open|see|view|read) )?(me )?(my )?(journal|entries|journal entries|diary)\s*[.!?]*\s*$", Options)]
    private static partial Regex List();

    [GeneratedRegex(@"^\s*(delete|remove|erase) (journal )?entry (number |no\.? |#)?(?<n>\d{1,3})\s*[.!]*\s*$", Options)]
    private static partial Regex Delete();

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

    [GeneratedRegex(@"^\s*(export|export (my |the )?(journal|data|entries|everything)|download (my )?(journal|data))\s*[.!]*\s*$", Options)]
    private static partial Regex Export();
}

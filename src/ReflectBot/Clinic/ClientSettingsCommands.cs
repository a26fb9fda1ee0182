using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// Per-client settings. Clinicians: "settings for NAME", "turn off JOURNEY for NAME" / "turn on …" (a journey's
/// title or command, or "cards"), "measures for NAME: PHQ-9, GAD-7" (or "all", "none"). The client is told in
/// plain words, once, the next time they talk to the bot. Clients: "my settings". A clinician reaches only a
/// client linked to them (<see cref="SessionSummaries.FindClientAsync"/>, through <see cref="ClinicianReads"/>).
/// </summary>
public sealed partial class ClientSettingsCommands(
    ClinicianRoles roles,
    SessionSummaries summaries,
    ClientSettingsRecords settings,
    ClinicLinks links,
    ClinicStore store,
    JourneyCatalog journeys,
    MeasureCatalog measures,
    TimeProvider time,
    StringCatalog strings) : ITurnCommand
{
    public static bool Claims(string text)
        => Show().IsMatch(text) || Turn().IsMatch(text) || Measures().IsMatch(text) || Mine().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = turn.Text;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Mine().IsMatch(text))
        {
            await ShowMineAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }

        Match m;
        if (!(m = Show().Match(text)).Success && !(m = Turn().Match(text)).Success && !(m = Measures().Match(text)).Success)
        {
            return false;
        }

        // "turn off the lights for a bit" is nobody's setting: only a journey or the cards make it one.
        var item = m.Groups["what"].Success ? m.Groups["what"].Value.Trim() : null;
        var journey = item is null ? null : FindJourney(item);
        var cards = item is not null && JourneyCatalog.Normalize(item) is "cards" or "the cards" or "learning cards" or "the learning cards" or "learn";
        if (item is not null && journey is null && !cards && !roles.IsClinician(turn.Context))
        {
            return false;
        }

        if (!roles.IsClinician(turn.Context))
        {
            await SayAsync(turn, strings[ClinicStrings.OnlyClinicians], cancellationToken).ConfigureAwait(false);
            return true;
        }

        var name = m.Groups["name"].Value.Trim();
        if (await summaries.FindClientAsync(turn.UserId, name, cancellationToken).ConfigureAwait(false) is not { } client)
        {
            await SayAsync(turn, strings.Text(SessionStrings.NoSuchClient, ("name", name)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (m.Groups["on"].Success)
        {
            if (journey is null && !cards)
            {
                await SayAsync(turn, strings.Text(SettingsStrings.UnknownItem, ("what", item)), cancellationToken).ConfigureAwait(false);
                return true;
            }

            var on = m.Groups["on"].Value.Equals("on", StringComparison.OrdinalIgnoreCase);
            await ChangeAsync(turn, client, s =>
            {
                if (journey is not null)
                {
                    var was = s.JourneysOff.Contains(journey.Id, StringComparer.Ordinal);
                    s.JourneysOff.RemoveAll(id => id == journey.Id);
                    if (!on)
                    {
                        s.JourneysOff.Add(journey.Id);
                    }

                    return was == !on ? null : strings.Text(on ? SettingsStrings.JourneyOnNotice : SettingsStrings.JourneyOffNotice, ("clinician", client.ClinicianName), ("title", journey.Title));
                }

                var before = s.CardsOff;
                s.CardsOff = !on;
                return before == s.CardsOff ? null : strings.Text(on ? SettingsStrings.CardsOnNotice : SettingsStrings.CardsOffNotice, ("clinician", client.ClinicianName));
            }, cancellationToken).ConfigureAwait(false);
        }
        else if (m.Groups["list"].Success)
        {
            var chosen = ParseMeasures(m.Groups["list"].Value, out var unknown);
            if (unknown is not null)
            {
                await SayAsync(turn, strings.Text(SettingsStrings.UnknownMeasure, ("what", unknown), ("measures", settings.Titles(null))), cancellationToken).ConfigureAwait(false);
                return true;
            }

            await ChangeAsync(turn, client, s =>
            {
                var before = s.Measures is null ? null : string.Join(",", s.Measures.Order(StringComparer.Ordinal));
                s.Measures = chosen;
                if (before == (chosen is null ? null : string.Join(",", chosen.Order(StringComparer.Ordinal))))
                {
                    return null;
                }

                return chosen switch
                {
                    null => strings.Text(SettingsStrings.MeasuresAllNotice, ("clinician", client.ClinicianName)),
                    { Count: 0 } => strings.Text(SettingsStrings.MeasuresNoneNotice, ("clinician", client.ClinicianName)),
                    _ => strings.Text(SettingsStrings.MeasuresNotice, ("clinician", client.ClinicianName), ("measures", settings.Titles(chosen))),
                };
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var current = await settings.OfLinkAsync(client.ClientId, turn.UserId, cancellationToken).ConfigureAwait(false);
            var lines = settings.Lines(current).Prepend(strings.Text(SettingsStrings.ClinicianHeading, ("client", client.ClientName)));
            await SayAsync(turn, string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Changes the link's settings; when something changed, leaves the client a notice (shown once) and says so.</summary>
    private async Task ChangeAsync(TurnInfo turn, ClientLink client, Func<ClientSettings, string?> change, CancellationToken cancellationToken)
    {
        string? notice = null;
        var saved = await store.UpdateAsync<ClientSettings>(ClinicKeys.Settings(client.ClientId, turn.UserId), current =>
        {
            var next = current ?? new ClientSettings { ClinicianId = turn.UserId };
            next.ClinicianName = client.ClinicianName;
            notice = change(next);
            return notice is null ? null : next;
        }, cancellationToken).ConfigureAwait(false);

        // Checked again after writing: a client who disconnected meanwhile gets nothing, and the record goes.
        if (await links.FindAsync(client.ClientId, turn.UserId, cancellationToken).ConfigureAwait(false) is null)
        {
            await store.DeleteAsync(ClinicKeys.Settings(client.ClientId, turn.UserId), cancellationToken).ConfigureAwait(false);
            await SayAsync(turn, strings[SettingsStrings.ClientGone], cancellationToken).ConfigureAwait(false);
            return;
        }

        if (notice is not null)
        {
            var reply = new EntryReply { Id = Guid.NewGuid().ToString("N")[..12], ClinicianId = turn.UserId, ClinicianName = client.ClinicianName, Notice = notice, CreatedUtc = time.GetUtcNow() };
            await store.WriteAsync(ClinicKeys.Reply(client.ClientId, reply.Id), reply, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await SayAsync(turn, strings.Text(SettingsStrings.Saved, ("client", client.ClientName), ("lines", string.Join("\n", settings.Lines(saved)))), cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowMineAsync(TurnInfo turn, CancellationToken cancellationToken)
    {
        var mine = await settings.OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        if (mine.Count == 0)
        {
            var linked = await links.OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
            await SayAsync(turn, linked.Count == 0 ? strings[ClinicStrings.NoClinician] : strings[SettingsStrings.NothingSet], cancellationToken).ConfigureAwait(false);
            return;
        }

        var lines = mine.SelectMany(s => settings.Lines(s).Prepend(strings.Text(SettingsStrings.Heading, ("clinician", s.ClinicianName))));
        await SayAsync(turn, string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
    }

    private JourneyDefinition? FindJourney(string what)
        => journeys.ByCommand(what) ?? journeys.All.FirstOrDefault(j => JourneyCatalog.Normalize(j.Title) == JourneyCatalog.Normalize(what));

    /// <summary>"all" (null), "none" (empty), or questionnaires by command or title; the first unknown is reported.</summary>
    private List<string>? ParseMeasures(string typed, out string? unknown)
    {
        unknown = null;
        var normalized = JourneyCatalog.Normalize(typed);
        if (normalized is "all" or "every" or "all of them")
        {
            return null;
        }

        if (normalized is "none" or "no" or "nothing")
        {
            return [];
        }

        var chosen = new List<string>();
        foreach (var part in typed.Split([',', ';', '&', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(p => p.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var found = measures.ByCommand(part) ?? measures.All.FirstOrDefault(x => JourneyCatalog.Normalize(x.Title) == JourneyCatalog.Normalize(part) || string.Equals(x.Id, part, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                unknown = part;
                return null;
            }

            if (!chosen.Contains(found.Id, StringComparer.Ordinal))
            {
                chosen.Add(found.Id);
            }
        }

        return chosen;
    }

    private static Task<ResourceResponse> SayAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"^\s*(?:client\s+)?settings for (?<name>[^\r\n]{1,60}?)\s*[.!?]*\s*$", Options)]
    private static partial Regex Show();

    [GeneratedRegex(@"^\s*turn (?<on>on|off) (?<what>[^\r\n]{1,60}?) for (?<name>[^\r\n]{1,60}?)\s*[.!]*\s*$", Options)]
    private static partial Regex Turn();

    [GeneratedRegex(@"^\s*(?:measures|questionnaires) for (?<name>[^:\r\n]{1,60}?)\s*:\s*(?<list>[^\r\n]{1,200}?)\s*[.!]*\s*$", Options)]
    private static partial Regex Measures();

    [GeneratedRegex(@"^\s*(?:(?:show )?my settings|what (?:has|have) my clinicians? (?:set|changed)\??)\s*[.!?]*\s*$", Options)]
    private static partial Regex Mine();
}

using ReflectBot.Cards;
using ReflectBot.Content;
using ReflectBot.Journeys;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// Per-client settings (<see cref="ClientSettings"/>), one record per link, read only over links that exist:
/// a disconnected clinician's settings no longer apply. A journey or the cards are paused for a client when
/// any of their clinicians paused them; a questionnaire is withheld when any of them chose a list without it.
/// Someone who is no clinic client costs no read (their profile says so).
/// </summary>
public sealed class ClientSettingsRecords(ClinicStore store, ClinicLinks links, JourneyCatalog journeys, MeasureCatalog measures, StringCatalog strings) : IJourneyAvailability, ICardAvailability
{
    public Task<ClientSettings?> OfLinkAsync(string clientId, string clinicianId, CancellationToken cancellationToken = default)
        => store.GetAsync<ClientSettings>(ClinicKeys.Settings(clientId, clinicianId), cancellationToken);

    /// <summary>The settings of each of the client's current links (those with any).</summary>
    public async Task<IReadOnlyList<ClientSettings>> OfClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var found = new List<ClientSettings>();
        foreach (var link in await links.OfClientAsync(clientId, cancellationToken).ConfigureAwait(false))
        {
            if (await OfLinkAsync(clientId, link.ClinicianId, cancellationToken).ConfigureAwait(false) is { } settings)
            {
                settings.ClinicianName = link.ClinicianName;
                found.Add(settings);
            }
        }

        return found;
    }

    public async Task<string?> PausedByAsync(TurnInfo turn, string journeyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Profile.ClinicClient
            ? (await OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.JourneysOff.Contains(journeyId, StringComparer.Ordinal))?.ClinicianName
            : null;
    }

    public async Task<string?> PausedByAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Profile.ClinicClient
            ? (await OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.CardsOff)?.ClinicianName
            : null;
    }

    /// <summary>Who chose not to offer this questionnaire to the client, or null when it is offered.</summary>
    public async Task<string?> WithheldByAsync(TurnInfo turn, string measureId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Profile.ClinicClient
            ? (await OfClientAsync(turn.UserId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Measures is { } offered && !offered.Contains(measureId, StringComparer.Ordinal))?.ClinicianName
            : null;
    }

    /// <summary>The settings as sentences, one a line: paused journeys, the cards, the questionnaires offered.</summary>
    public IReadOnlyList<string> Lines(ClientSettings? settings)
    {
        var off = (settings?.JourneysOff ?? []).Select(id => journeys.Find(id)?.Title).OfType<string>().ToList();
        return
        [
            off.Count == 0 ? strings[SettingsStrings.NoJourneysOff] : strings.Text(SettingsStrings.JourneysOff, ("titles", ClinicStrings.List(strings, off))),
            strings[settings?.CardsOff == true ? SettingsStrings.CardsOff : SettingsStrings.CardsOn],
            MeasuresLine(settings?.Measures),
        ];
    }

    /// <summary>Titles of the given questionnaires (or all of them), joined for a sentence.</summary>
    public string Titles(IEnumerable<string>? ids)
        => ClinicStrings.List(strings, [.. (ids ?? measures.All.Select(m => m.Id)).Select(id => measures.Find(id)?.Title).OfType<string>()]);

    private string MeasuresLine(List<string>? offered) => offered switch
    {
        null => strings[SettingsStrings.MeasuresAll],
        { Count: 0 } => strings[SettingsStrings.MeasuresNone],
        _ => strings.Text(SettingsStrings.MeasuresSome, ("measures", Titles(offered))),
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;

namespace ReflectBot.Clinic;

/// <summary>
/// "phq-9 history for NAME": each question of a questionnaire with the client's answers over time, and the
/// difficulty question's; only for a linked clinician the client let see each answer
/// (<see cref="ClinicianReads.MeasureAnswersAsync"/>).
/// </summary>
public sealed partial class MeasureHistoryCommand(ClinicianRoles roles, ClinicianReads reads, SessionSummaries summaries, MeasureCatalog measures, StringCatalog strings) : ITurnCommand
{
    public static bool Claims(string text) => History().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrEmpty(turn.Text) || History().Match(turn.Text) is not { Success: true } m)
        {
            return false;
        }

        // "my sleep history for the doctor" is nobody's questionnaire: only a questionnaire's name makes it this command.
        var what = m.Groups["m"].Value.Trim();
        var measure = measures.ByCommand(what) ?? measures.All.FirstOrDefault(x => JourneyCatalog.Normalize(x.Title) == JourneyCatalog.Normalize(what));
        if (!roles.IsClinician(turn.Context))
        {
            if (measure is null)
            {
                return false;
            }

            await SayAsync(turn, strings[ClinicStrings.OnlyClinicians], cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (measure is null)
        {
            await SayAsync(turn, strings.Text(ClinicStrings.HistoryUnknown, ("what", what)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var name = m.Groups["name"].Value.Trim();
        if (await summaries.FindClientAsync(turn.UserId, name, cancellationToken).ConfigureAwait(false) is not { } client)
        {
            await SayAsync(turn, strings.Text(SessionStrings.NoSuchClient, ("name", name)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var scores = await reads.MeasureAnswersAsync(turn.UserId, client.ClientId, measure.Id, cancellationToken).ConfigureAwait(false);
        if (scores is null)
        {
            await SayAsync(turn, strings.Text(ClinicStrings.HistoryNotShared, ("client", client.ClientName)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (scores.Count == 0)
        {
            await SayAsync(turn, strings.Text(ClinicStrings.HistoryNone, ("client", client.ClientName), ("measure", measure.Title)), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var zone = TimeZones.Of(turn.Context);
        string Date(MeasureScore s) => TimeZoneInfo.ConvertTime(s.CreatedUtc, zone).ToString("d MMM", CultureInfo.InvariantCulture);
        var lines = new List<string> { strings.Text(ClinicStrings.HistoryHeading, ("measure", measure.Title), ("client", client.ClientName), ("count", scores.Count)) };
        foreach (var item in measure.Items)
        {
            var answers = scores.Where(s => s.Items!.ContainsKey(item.Id)).Select(s => strings.Text(ClinicStrings.HistoryAnswer, ("date", Date(s)), ("answer", measure.Options.FirstOrDefault(o => o.Value == s.Items![item.Id])?.Label ?? s.Items![item.Id].ToString(CultureInfo.InvariantCulture))));
            lines.Add(strings.Text(ClinicStrings.HistoryLine, ("item", item.Text), ("answers", string.Join("; ", answers))));
        }

        if (measure.Difficulty is { } difficulty && scores.Any(s => s.Difficulty is not null))
        {
            var answers = scores.Where(s => s.Difficulty is not null).Select(s => strings.Text(ClinicStrings.HistoryAnswer, ("date", Date(s)), ("answer", s.Difficulty)));
            lines.Add(strings.Text(ClinicStrings.HistoryLine, ("item", difficulty.Text), ("answers", string.Join("; ", answers))));
        }

        await SayAsync(turn, string.Join("\n", lines), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Task<ResourceResponse> SayAsync(TurnInfo turn, string text, CancellationToken cancellationToken)
        => turn.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    [GeneratedRegex(@"^\s*(?<m>[^\r\n]{2,30}?)\s+(?:item\s+)?(?:history|answers)\s+for\s+(?<name>[^\r\n]{1,60}?)\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex History();
}

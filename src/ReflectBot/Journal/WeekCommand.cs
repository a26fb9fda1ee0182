using System.Text.RegularExpressions;
using ReflectBot.Content;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;

namespace ReflectBot.Journal;

/// <summary>"my week": the week looked back on (<see cref="WeekLookBack"/>). The journal is read only here, when asked.</summary>
public sealed partial class WeekCommand : ITurnCommand
{
    public static bool Claims(string text) => Week().IsMatch(text);

    private readonly IJournalStore _journal;
    private readonly CardCatalog _cards;
    private readonly StringCatalog _strings;
    private readonly TimeProvider _time;

    public WeekCommand(IJournalStore journal, CardCatalog cards, StringCatalog strings, TimeProvider time)
    {
        _journal = journal;
        _cards = cards;
        _strings = strings;
        _time = time;
    }

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(turn.Text) || !Claims(turn.Text))
        {
            return false;
        }

        var entries = await _journal.ListAsync(turn.UserId, cancellationToken).ConfigureAwait(false);
        var reply = WeekLookBack.Build(entries, TimeZones.Of(turn.Context), _time.GetUtcNow(), _cards, _strings);
        await turn.Context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [GeneratedRegex(@"^\s*((show )?(me )?my week|how was my week|(look back on|look back at|review) (my|the|this) week|my week in review|weekly look ?back|week in review)\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Week();
}

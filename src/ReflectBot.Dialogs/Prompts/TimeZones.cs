using Microsoft.Bot.Builder;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>Finds the user's time zone for a turn, so dates are read in their local time, not the server's.</summary>
public static class TimeZones
{
    /// <summary>
    /// The user's zone for this turn: one the bot put into turn state (from the user's profile), else the
    /// channel's <c>localTimezone</c> (Teams and Web Chat send it), else UTC.
    /// </summary>
    public static TimeZoneInfo Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.Get<TimeZoneInfo>()
            ?? (TryFind(turnContext.Activity?.LocalTimezone, out var zone) ? zone : TimeZoneInfo.Utc);
    }

    /// <summary>The zone with an IANA or Windows id, or UTC when it is unknown.</summary>
    public static TimeZoneInfo Find(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}

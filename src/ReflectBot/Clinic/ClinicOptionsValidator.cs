using System.Globalization;
using Microsoft.Extensions.Options;

namespace ReflectBot.Clinic;

/// <summary>Checks the clinic settings at start-up, so a typo in quiet hours stops the host with a clear message.</summary>
public sealed class ClinicOptionsValidator : IValidateOptions<ClinicOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!TryParseTime(options.QuietHoursStart, out _))
        {
            problems.Add("Clinic:QuietHoursStart must be a time like 21:00.");
        }

        if (!TryParseTime(options.QuietHoursEnd, out _))
        {
            problems.Add("Clinic:QuietHoursEnd must be a time like 08:00.");
        }

        if (options.MoodWindowDays is < 30 or > 90)
        {
            problems.Add("Clinic:MoodWindowDays must be between 30 and 90.");
        }

        if (options.SummaryLead < TimeSpan.FromHours(1) || options.SummaryLead > TimeSpan.FromDays(7))
        {
            problems.Add("Clinic:SummaryLead must be between 1 hour and 7 days.");
        }

        if (options.CodeLifetime <= TimeSpan.Zero || options.WrongCodeWindow <= TimeSpan.Zero || options.WrongCodeLimit < 1)
        {
            problems.Add("Clinic:CodeLifetime, WrongCodeWindow and WrongCodeLimit must be positive.");
        }

        // Guesses all clients can make in a code's lifetime; at most a million keeps one live code's chance
        // of being guessed under 1.2e-6 (31^8 codes; see JoinCodes).
        if (options.GlobalWrongCodeLimit < 1 || (options.WrongCodeWindow > TimeSpan.Zero && options.GlobalWrongCodeLimit * (options.CodeLifetime / options.WrongCodeWindow) > 1_000_000))
        {
            problems.Add("Clinic:GlobalWrongCodeLimit must be at least 1, and with CodeLifetime and WrongCodeWindow allow at most 1,000,000 wrong codes in a code's lifetime.");
        }

        if (options.MissedAfter <= TimeSpan.Zero || options.Scheduler.Interval <= TimeSpan.Zero || options.Scheduler.ClaimTimeout <= TimeSpan.Zero)
        {
            problems.Add("Clinic:MissedAfter, Scheduler:Interval and Scheduler:ClaimTimeout must be positive.");
        }

        if (options.Scheduler.LeaseDuration < TimeSpan.FromSeconds(15) || options.Scheduler.LeaseDuration > TimeSpan.FromSeconds(60))
        {
            problems.Add("Clinic:Scheduler:LeaseDuration must be between 00:00:15 and 00:01:00 (the blob service's lease limits).");
        }

        foreach (var configured in options.ClinicianUserKeys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            if (ReflectBot.Kernel.UserKeys.FromConfigured(configured) is null)
            {
                problems.Add("Clinic:ClinicianUserKeys has an entry that is not \"{channelId}/{userId}\" with a usable id (no blanks, control characters or lone surrogates, at most 256 characters).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static bool TryParseTime(string? text, out TimeOnly time)
        => TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

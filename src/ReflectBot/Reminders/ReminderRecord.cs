using Newtonsoft.Json;

namespace ReflectBot.Reminders;

/// <summary>
/// A person's own reminders and their Sunday look back, one record per person on the clinic item store (sealed
/// like every record there) under <see cref="KeyOf"/>; written under its ETag, so two instances never both
/// claim an occurrence.
/// </summary>
public sealed class ReminderRecord
{
    public const string Prefix = "reminders";

    /// <summary>At most this many reminders, so a round's work per person stays small.</summary>
    public const int MaxReminders = 5;

    [JsonProperty("userId")]
    public string UserId { get; set; } = string.Empty;

    [JsonProperty("reminders")]
    public List<Reminder> Reminders { get; set; } = [];

    /// <summary>The weekly look back, when the person turned it on.</summary>
    [JsonProperty("week", NullValueHandling = NullValueHandling.Ignore)]
    public Reminder? Week { get; set; }

    /// <summary>"pause reminders for a week": nothing of this record is sent before this moment.</summary>
    [JsonProperty("pausedUntil", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? PausedUntilUtc { get; set; }

    [JsonIgnore]
    public bool IsEmpty => Reminders.Count == 0 && Week is null;

    public static string KeyOf(string userId) => $"{Prefix}/{Clinic.ClinicKeys.Segment(userId)}";
}

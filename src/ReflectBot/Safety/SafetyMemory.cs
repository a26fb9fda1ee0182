using Newtonsoft.Json;

namespace ReflectBot.Safety;

/// <summary>
/// What the safety feature keeps in conversation state: how many safety replies this conversation had and
/// when (so a second one soon after is short and worded differently), and whether "Are you safe right
/// now?" is waiting for a typed answer. No text, no class of anything the user wrote beyond the reply kind.
/// </summary>
public sealed class SafetyMemory
{
    public const string Property = "safety";

    [JsonProperty("replies")]
    public int Replies { get; set; }

    [JsonProperty("lastUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? LastUtc { get; set; }

    /// <summary>When "Are you safe right now?" was asked; the next message may answer it with a plain yes or no.</summary>
    [JsonProperty("checkUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? CheckAskedUtc { get; set; }

    /// <summary>
    /// The dialog that was in progress when the crisis reply came (a journey's id): it is held, so the next messages
    /// do not become its answers, until "back" (<see cref="SafetyHold"/>). Null when nothing was in progress.
    /// </summary>
    [JsonProperty("hold", NullValueHandling = NullValueHandling.Ignore)]
    public string? HoldDialogId { get; set; }

    /// <summary>When the steady reply was last given, so with nothing held it is given once per crisis reply, not to everything after.</summary>
    [JsonProperty("stayCloseUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? StayCloseUtc { get; set; }

    /// <summary>How long a typed yes or no still counts as the answer to the question.</summary>
    public static TimeSpan CheckValidFor { get; } = TimeSpan.FromMinutes(30);

    /// <summary>How long after a crisis reply a message nothing else takes is met with the steady reply, not the menu.</summary>
    public static TimeSpan StayCloseFor { get; } = TimeSpan.FromHours(1);

    /// <summary>Whether a crisis reply came within <see cref="StayCloseFor"/> of <paramref name="now"/>.</summary>
    public bool StaysClose(DateTimeOffset now) => LastUtc is { } last && now - last <= StayCloseFor;

    /// <summary>Whether <paramref name="activeDialogId"/> is the dialog held at the last crisis reply, still within <see cref="StayCloseFor"/>.</summary>
    public bool Holds(string? activeDialogId, DateTimeOffset now) => HoldDialogId is { } held && activeDialogId == held && StaysClose(now);
}

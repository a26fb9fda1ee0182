using Newtonsoft.Json;

namespace ReflectBot.Journal;

/// <summary>One finished journey (or free-journal entry) in a user's journal.</summary>
public sealed class JournalEntry
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("userId")]
    public string UserId { get; set; } = string.Empty;

    [JsonProperty("journeyId")]
    public string JourneyId { get; set; } = string.Empty;

    [JsonProperty("journeyTitle")]
    public string JourneyTitle { get; set; } = string.Empty;

    /// <summary>The answers by step id, as the user gave them (scale answers as their number).</summary>
    [JsonProperty("answers")]
    public Dictionary<string, string> Answers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The question each answer was given to, worded as it was asked that day (journeys vary their wording,
    /// and content changes); entries from before this was kept have none, and fall back to the journey.
    /// </summary>
    [JsonProperty("questions", NullValueHandling = NullValueHandling.Ignore)]
    public Dictionary<string, string>? Questions { get; set; }

    [JsonProperty("mood", NullValueHandling = NullValueHandling.Ignore)]
    public int? Mood { get; set; }

    [JsonProperty("tags")]
    public List<string> Tags { get; set; } = [];

    /// <summary>The ids of the psychoeducation cards shown during the journey, in the order shown.</summary>
    [JsonProperty("cards")]
    public List<string> Cards { get; set; } = [];

    [JsonProperty("createdUtc")]
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>The user's time zone when the entry was made, so "Tuesday evening" stays true for them.</summary>
    [JsonProperty("timeZone")]
    public string TimeZone { get; set; } = "UTC";
}

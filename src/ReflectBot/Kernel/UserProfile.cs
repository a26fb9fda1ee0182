using Newtonsoft.Json;

namespace ReflectBot.Kernel;

/// <summary>What the bot remembers about a user between conversations (user state).</summary>
public sealed class UserProfile
{
    /// <summary>Whether the welcome has been shown.</summary>
    [JsonProperty("welcomed")]
    public bool Welcomed { get; set; }

    /// <summary>When the welcome was shown: a "hi" straight after it is not greeted as a return.</summary>
    [JsonProperty("welcomedUtc", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? WelcomedUtc { get; set; }

    /// <summary>Marks the welcome as shown now.</summary>
    public void MarkWelcomed(DateTimeOffset now)
    {
        Welcomed = true;
        WelcomedUtc = now;
    }

    /// <summary>The user's time zone (IANA id), from the channel or as they told us.</summary>
    [JsonProperty("timeZone", NullValueHandling = NullValueHandling.Ignore)]
    public string? TimeZone { get; set; }

    /// <summary>
    /// Whether the person told us their zone ("my time zone is New York"): it then wins over the channel's, which can
    /// be wrong (a terminal on a server, a work laptop set to head office), until they say "use my device's time zone".
    /// </summary>
    [JsonProperty("timeZoneTold", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool TimeZoneTold { get; set; }

    /// <summary>Whether the user agreed to keep a journal: null until asked (at the first save), then their answer.</summary>
    [JsonProperty("journalConsent", NullValueHandling = NullValueHandling.Ignore)]
    public bool? JournalConsent { get; set; }

    /// <summary>The region for crisis resources (an id of dialogs/safety/resources.yaml), as the user told us.</summary>
    [JsonProperty("region", NullValueHandling = NullValueHandling.Ignore)]
    public string? Region { get; set; }

    /// <summary>"pause reminders": the scheduler sends none while this is set.</summary>
    [JsonProperty("remindersPaused")]
    public bool RemindersPaused { get; set; }

    /// <summary>
    /// The user has connected with a clinician (set by the clinic): only then does a turn look for
    /// assignments waiting for them, so everyone else's turns cost no clinic read.
    /// </summary>
    [JsonProperty("clinicClient", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool ClinicClient { get; set; }

    /// <summary>
    /// This user's conversations whose state is kept in a record of its own (the latest <see cref="MaxConversations"/>),
    /// so "delete my data" removes those too. Kept by the store (Storage/FoldedStateScope), not by the bot: a
    /// conversation's state lives in the user's document, and gets a record of its own only when it is moved out as the
    /// oldest of more than the document holds with a journey still open. Profiles written before stop 32 list every
    /// conversation the user ever had (then the bot kept the list): each such id costs one read, once, when its
    /// conversation speaks again and has no record, and is then dropped.
    /// </summary>
    [JsonProperty("conversations")]
    public List<string> Conversations { get; set; } = [];

    public const int MaxConversations = 200;

    /// <summary>
    /// The cards a journey showed this user in the last day, by id, with when: the same card is not shown again
    /// within a day (it was, three times in one conversation). A card asked for by name is shown whatever this says.
    /// </summary>
    [JsonProperty("cardsShownUtc", NullValueHandling = NullValueHandling.Ignore)]
    public Dictionary<string, DateTimeOffset>? CardsShownUtc { get; set; }

    /// <summary>How long a card shown by a journey is not shown by one again.</summary>
    public static readonly TimeSpan CardRest = TimeSpan.FromDays(1);

    /// <summary>Whether a journey showed this card in the last <see cref="CardRest"/>.</summary>
    public bool CardShownRecently(string cardId, DateTimeOffset now)
        => CardsShownUtc is { } shown && shown.TryGetValue(cardId, out var at) && now - at < CardRest;

    /// <summary>The cards shown in the last <see cref="CardRest"/>.</summary>
    public IEnumerable<string> CardsShownRecently(DateTimeOffset now)
        => CardsShownUtc is { } shown ? shown.Where(s => now - s.Value < CardRest).Select(s => s.Key) : [];

    /// <summary>Remembers a card shown now, forgetting those shown longer ago than <see cref="CardRest"/>.</summary>
    public void RecordCardShown(string cardId, DateTimeOffset now)
    {
        CardsShownUtc ??= new(StringComparer.Ordinal);
        foreach (var old in CardsShownUtc.Where(s => now - s.Value >= CardRest).Select(s => s.Key).ToList())
        {
            CardsShownUtc.Remove(old);
        }

        CardsShownUtc[cardId] = now;
    }

    /// <summary>"delete my data" was asked and awaits confirmation until this time.</summary>
    [JsonProperty("deletionAskedUntil", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? DeletionAskedUntil { get; set; }
}

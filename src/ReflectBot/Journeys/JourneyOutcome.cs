namespace ReflectBot.Journeys;

/// <summary>What a finished journey hands back to the bot.</summary>
public sealed record JourneyOutcome(string JourneyId, bool Saved, string? EntryId);

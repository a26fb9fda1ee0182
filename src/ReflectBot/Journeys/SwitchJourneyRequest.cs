namespace ReflectBot.Journeys;

/// <summary>What <see cref="SwitchJourneyDialog"/> offers: stop journey <paramref name="From"/> and start <paramref name="To"/>.</summary>
public sealed record SwitchJourneyRequest(string From, string To);

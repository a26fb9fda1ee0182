namespace ReflectBot.Dialogs.Choices;

/// <summary>The choice a user's message picked, and how.</summary>
/// <param name="Value">The choice's value.</param>
/// <param name="Index">Its position in the list offered.</param>
/// <param name="MatchedBy">"number", "ordinal", "value" or "synonym".</param>
public sealed record FoundChoice(string Value, int Index, string MatchedBy);

namespace ReflectBot.Dialogs;

/// <summary>What a dialog in progress says it is (<see cref="IDescribedDialog"/>): a title and, when it has a fixed count, which question of how many.</summary>
public sealed record DialogDescription(string Title, (int Question, int Of)? Progress);

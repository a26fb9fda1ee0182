namespace ReflectBot.Hosting;

/// <summary>
/// A button as the terminal offers it: what it says, and what pressing it in Web Chat or Teams would send (the
/// text of an imBack, postBack or messageBack, or an Adaptive Card submit's data as the activity's value).
/// </summary>
public sealed record ConsoleChoice(string Title, string? Text, object? Value);

using ReflectBot.Content;

namespace ReflectBot.Hosting;

/// <summary>
/// What the turn itself says when it cannot go ahead, in <c>dialogs/strings/hosting.yaml</c>: a message over the input
/// limit (Kernel), storage away or two messages crossing (Storage), a turn that failed, and the terminal chat's first
/// line. Kernel and Storage sit below Content, so Hosting, which composes them, declares their sentences and hands
/// them in (<see cref="ServiceCollectionExtensions"/>).
/// </summary>
public static class HostingStrings
{
    /// <summary>{max}: the limit in characters, as "8,000".</summary>
    public static readonly StringKey MessageTooLong = new("hosting.messageTooLong", "max");

    public static readonly StringKey CouldNotSave = new("hosting.couldNotSave");
    public static readonly StringKey Crossed = new("hosting.crossed");
    public static readonly StringKey Apology = new("hosting.apology");
    public static readonly StringKey ConsoleIntro = new("hosting.consoleIntro");

    /// <summary>Under an export in the terminal chat, one per file: {path} the full path it was saved to.</summary>
    public static readonly StringKey ConsoleFileSaved = new("hosting.consoleFileSaved", "path");

    /// <summary>{name} the file's name; {folder} the exports folder that could not be written.</summary>
    public static readonly StringKey ConsoleFileNotSaved = new("hosting.consoleFileNotSaved", "name", "folder");
}

namespace ReflectBot.Kernel;

/// <summary>
/// A dialog's interruption policy: while <see cref="DialogId"/> is the active dialog, only the commands of the
/// table up to and including <see cref="LastRoute"/> may take a message; any later command's words are an answer
/// to the dialog instead (e.g. while a clinician fills in an assignment, "Daily check-in" picks that journey, it
/// does not start it). A dialog without a policy is interrupted by every command.
/// </summary>
public sealed record InterruptionPolicy(string DialogId, string LastRoute);

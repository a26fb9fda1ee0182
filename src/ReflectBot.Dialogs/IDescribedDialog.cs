namespace ReflectBot.Dialogs;

/// <summary>
/// A dialog that says what it is (a journey, or a feature's own: "assign", "connect", a measure), so "help",
/// "cancel" and "menu" can name it ("you're in the assignment, question 2 of 4"): see
/// <see cref="DialogContext.DescribeActive"/>.
/// </summary>
public interface IDescribedDialog
{
    /// <summary>What the user is doing, as a noun phrase ("assignment", "connection to your clinician").</summary>
    string Title { get; }

    /// <summary>Which question the instance is at and of how many, or null when it has no fixed count.</summary>
    (int Question, int Of)? Progress(DialogInstance instance);
}

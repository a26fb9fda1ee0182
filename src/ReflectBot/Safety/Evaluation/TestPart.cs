namespace ReflectBot.Safety.Evaluation;

/// <summary>One test file of <c>dialogs/safety/evaluation/</c> (<c>test*.tsv</c>): its name, its messages, and whether an earlier round already used it.</summary>
public sealed record TestPart(string Name, List<LabelledMessage> Messages, bool Used);

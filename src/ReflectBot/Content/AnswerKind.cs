namespace ReflectBot.Content;

/// <summary>What kind of answer a step takes, and so which prompt asks it.</summary>
public enum AnswerKind
{
    Text,
    Scale,
    Choice,
    Confirm,
    DateTime,
}

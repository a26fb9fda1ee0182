namespace ReflectBot.Content;

/// <summary>One choice of a choice step, the words that also pick it, and what picking it leads to.</summary>
public sealed class ChoiceDefinition : AnswerFollowUp
{
    public string Value { get; set; } = string.Empty;

    public List<string> Synonyms { get; set; } = [];
}

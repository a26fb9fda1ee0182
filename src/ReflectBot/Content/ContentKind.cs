namespace ReflectBot.Content;

/// <summary>What a content file or a reference in one is about.</summary>
public enum ContentKind
{
    Journey,
    Card,
}

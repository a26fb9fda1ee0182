using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// Whether a message has free text worth the model's time: at least three words with letters. A number
/// ("7"), a yes or no, a button's value or a command is read by the lexicon alone.
/// </summary>
public static class FreeText
{
    public const int MinWords = 3;

    public static bool Has(string? text) => OwnWords.Count(text) >= MinWords;
}

namespace ReflectBot.Content;

/// <summary>
/// One of the bot's sentences in <c>dialogs/strings/</c>: <c>"{file}.{key}"</c>, and the placeholders the code
/// fills in. A feature declares its keys as static fields of its own <c>…Strings</c> class; start-up and
/// <c>validate</c> find them all and check them against the files both ways (<see cref="StringCatalog"/>).
/// </summary>
public sealed record StringKey
{
    public StringKey(string key, params string[] placeholders)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Key = key;
        Placeholders = placeholders ?? [];
    }

    public string Key { get; }

    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>The file's name (without <c>.yaml</c>) the key lives in.</summary>
    public string File => Key[..Math.Max(0, Key.IndexOf('.', StringComparison.Ordinal))];

    public override string ToString() => Key;
}

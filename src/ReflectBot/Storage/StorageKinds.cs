namespace ReflectBot.Storage;

/// <summary>The values of <see cref="StorageOptions.Kind"/>.</summary>
public static class StorageKinds
{
    public const string File = "File";
    public const string Blob = "Blob";

    public static bool IsBlob(StorageOptions options)
        => string.Equals(options?.Kind, Blob, StringComparison.OrdinalIgnoreCase);
}

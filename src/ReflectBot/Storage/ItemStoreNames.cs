namespace ReflectBot.Storage;

/// <summary>
/// The named item stores (keyed services), one per kind of record; each is a folder of the file store or
/// a container of the blob store.
/// </summary>
public static class ItemStoreNames
{
    public const string Journal = "journal";
    public const string Safety = "safety";
    public const string References = "references";
    public const string Clinic = "clinic";

    public static IReadOnlyList<string> All { get; } = [Journal, Safety, References, Clinic];
}

using System.ComponentModel.DataAnnotations;
using ReflectBot.Storage.Blobs;

namespace ReflectBot.Storage;

/// <summary>Where the bot keeps its state and journal. Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"File" (embedded, the default) or "Blob".</summary>
    [Required]
    public string Kind { get; set; } = StorageKinds.File;

    /// <summary>The data folder of the file store, relative to the working directory unless absolute.</summary>
    [Required]
    public string DataPath { get; set; } = ".data";

    /// <summary>The blob backend, used when <see cref="Kind"/> is "Blob".</summary>
    public BlobStorageOptions Blob { get; set; } = new();

    /// <summary>The in-process copy of recently active users' state documents (<see cref="StateDocumentCache"/>).</summary>
    public StateCacheOptions StateCache { get; set; } = new();
}

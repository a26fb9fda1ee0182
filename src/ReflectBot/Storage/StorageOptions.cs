using System.ComponentModel.DataAnnotations;

namespace ReflectBot.Storage;

/// <summary>Where the bot keeps its state and journal. Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"File" (embedded, the default) or "Blob".</summary>
    [Required]
    public string Kind { get; set; } = "File";

    /// <summary>The data folder of the file store, relative to the working directory unless absolute.</summary>
    [Required]
    public string DataPath { get; set; } = ".data";
}

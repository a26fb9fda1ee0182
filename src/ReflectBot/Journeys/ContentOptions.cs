using System.ComponentModel.DataAnnotations;

namespace ReflectBot.Journeys;

/// <summary>Where the content files are. Section "Content".</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder (journeys, cards, safety); by default the copy of <c>dialogs/</c> beside the app.</summary>
    [Required]
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");
}

using System.ComponentModel.DataAnnotations;

namespace ReflectBot.Content;

/// <summary>Where the content files are. Section "Content".</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder (journeys, cards, safety); by default the copy of <c>dialogs/</c> beside the app.</summary>
    [Required]
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs");

    // "dotnet run --project src/ReflectBot -- validate dialogs" runs in the project's folder; a relative
    // folder that is not there is looked for in the folders above, so the repo's own dialogs/ is found.
    public static string ResolveFolder(string folder)
    {
        if (System.IO.Path.IsPathRooted(folder) || Directory.Exists(folder))
        {
            return folder;
        }

        for (var dir = Directory.GetParent(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return folder;
    }
}

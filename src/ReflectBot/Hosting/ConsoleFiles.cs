using System.Text;
using Microsoft.Bot.Schema;

namespace ReflectBot.Hosting;

/// <summary>
/// Where the terminal chat puts the files the bot hands over (the journal export): a folder the person can open,
/// <c>exports/</c> under the directory the chat was started in. A file is never overwritten: a second export of the
/// same day is saved as "journal-2026-11-30 (2).md". The files are the person's own copy, readable only by them.
/// </summary>
public sealed class ConsoleFiles(string folder)
{
    private const int MaxCopies = 1000;

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Whether the attachment is a file to keep: data the bot sent inline, not a card and not a picture.</summary>
    public static bool IsFile(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return attachment.Content is null
            && attachment.ContentUrl is { } url
            && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            && url.Contains(";base64,", StringComparison.OrdinalIgnoreCase)
            && attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true;
    }

    /// <summary>Writes the attachment's bytes to a new file in <see cref="Folder"/>; returns its full path.</summary>
    public async Task<string> SaveAsync(Attachment attachment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var url = attachment.ContentUrl ?? string.Empty;
        var bytes = Convert.FromBase64String(url[(url.IndexOf(";base64,", StringComparison.OrdinalIgnoreCase) + ";base64,".Length)..]);
        Directory.CreateDirectory(Folder);
        var name = SafeName(attachment.Name);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        for (var copy = 1; copy <= MaxCopies; copy++)
        {
            var path = Path.Combine(Folder, copy == 1 ? name : $"{Path.GetFileNameWithoutExtension(name)} ({copy}){Path.GetExtension(name)}");
            try
            {
                var stream = new FileStream(path, options);
                await using (stream.ConfigureAwait(false))
                {
                    await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }

                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken (an earlier export, or one being written right now): try the next name rather than overwrite.
            }
        }

        throw new IOException($"No free file name for {name} in {Folder}.");
    }

    /// <summary>Only a file name from the bot's attachment, never a path: anything else becomes "_".</summary>
    private static string SafeName(string? name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new StringBuilder();
        foreach (var c in Path.GetFileName(name ?? string.Empty))
        {
            safe.Append(Array.IndexOf(invalid, c) >= 0 || char.IsControl(c) ? '_' : c);
        }

        var result = safe.ToString().Trim().TrimStart('.');
        return result.Length == 0 ? "export" : result;
    }
}

using System.Globalization;
using System.Security.Cryptography;

namespace ReflectBot.Content;

/// <summary>
/// <c>dialogs/REVIEW.md</c>: when a person last read each content file for tone, accuracy and safety, and the
/// SHA-256 prefix of the version they read. Warnings, never errors: an unreviewed change is the reviewer's to
/// catch, not a reason to stop the host. A hash rather than a file time, because <c>validate</c> also runs on
/// published copies without git history, where file times mean nothing.
/// </summary>
public static class ContentReviewRecord
{
    public const string FileName = "REVIEW.md";

    /// <summary>The folders whose files a person reads before they reach anyone.</summary>
    public static readonly IReadOnlyList<string> ReviewedFolders = ["journeys", "cards", "keywords", "measures", "safety", "strings"];

    private const int VersionLength = 12;

    /// <summary>Each file with no row, each row with no date, each row whose version is not the file's, and each row naming no file.</summary>
    public static IReadOnlyList<ContentError> Warnings(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var warnings = new List<ContentError>();
        var recordPath = Path.Combine(folder, FileName);
        if (!File.Exists(recordPath))
        {
            warnings.Add(new ContentError(FileName, 1, "there is no review record, so no content file is recorded as read for tone, accuracy and safety."));
            return warnings;
        }

        var rows = ReadRows(recordPath, warnings);
        foreach (var file in ContentFiles(folder))
        {
            if (!rows.TryGetValue(file, out var row))
            {
                warnings.Add(new ContentError(file, 1, $"has no row in {FileName}: nobody has recorded reading it."));
                continue;
            }

            if (row.Date is null)
            {
                warnings.Add(new ContentError(FileName, row.Line, $"{file} has not been reviewed yet."));
            }
            else if (!string.Equals(row.Version, Version(Path.Combine(folder, file)), StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add(new ContentError(FileName, row.Line, $"{file} changed after its review on {row.Date}: read it again, then record the date and its new version."));
            }
        }

        foreach (var (file, row) in rows.Where(r => !File.Exists(Path.Combine(folder, r.Key))))
        {
            warnings.Add(new ContentError(FileName, row.Line, $"names {file}, which does not exist."));
        }

        return warnings;
    }

    /// <summary>The first twelve hex digits of the file's SHA-256, as the record writes them.</summary>
    public static string Version(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..VersionLength];
    }

    private static IEnumerable<string> ContentFiles(string folder)
        => ReviewedFolders.Select(f => Path.Combine(folder, f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    // A row is a table line whose first cell is a back-quoted path relative to dialogs/:
    // | `file` | date | by | `version` | what changed |
    private static Dictionary<string, Row> ReadRows(string path, List<ContentError> warnings)
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Trim().Split('|');
            if (cells.Length < 6 || cells[0].Length != 0)
            {
                continue;
            }

            var file = cells[1].Trim();
            if (file.Length < 3 || file[0] != '`' || file[^1] != '`')
            {
                continue;
            }

            file = file[1..^1];
            var dateText = cells[2].Trim();
            string? date = null;
            if (dateText.Length > 0)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    warnings.Add(new ContentError(FileName, i + 1, $"the date '{dateText}' for {file} is not a date (YYYY-MM-DD)."));
                }
                else
                {
                    date = dateText;
                }
            }

            if (!rows.TryAdd(file, new Row(i + 1, date, cells[4].Trim().Trim('`'))))
            {
                warnings.Add(new ContentError(FileName, i + 1, $"{file} has a second row; keep one row per file."));
            }
        }

        return rows;
    }

    private sealed record Row(int Line, string? Date, string Version);
}

using System.Collections.Concurrent;

namespace ReflectBot.Tests.Support;

/// <summary>
/// A fresh folder under the temp directory for one host's data or one command's run. Every folder made is deleted
/// when the test process ends: each host used to leave its data behind, and a day of runs on one machine (16 GB,
/// 22,000 folders) filled its disk and killed a training run. Folders a killed run left (older than a day) are swept
/// at the first use.
/// </summary>
public static class TempFolder
{
    private static readonly ConcurrentBag<string> Made = [];

    static TempFolder()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll(Made);
        SweepLeftovers();
    }

    private static string Root => Path.Combine(Path.GetTempPath(), "reflectbot-tests");

    public static string Create()
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        Made.Add(path);
        return path;
    }

    private static void SweepLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var dayAgo = DateTime.UtcNow.AddDays(-1);
        DeleteAll(Directory.EnumerateDirectories(Root).Where(d => Directory.GetLastWriteTimeUtc(d) < dayAgo).ToList());
    }

    private static void DeleteAll(IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a file still open by a process the test started; the next run's sweep takes it.
            }
        }
    }
}

using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Content;

/// <summary>dialogs/REVIEW.md and validate's warnings: a file changed after its review, never reviewed, missing from the record, or gone.</summary>
public sealed class ContentReviewRecordTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("review-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void Record(params string[] rows)
        => Write(ContentReviewRecord.FileName, "# Content review record\n\n| File | Last read | By | Version | What changed |\n| --- | --- | --- | --- | --- |\n" + string.Join('\n', rows) + "\n");

    [Fact]
    public void AFileReadAtItsCurrentVersionGivesNoWarning()
    {
        var card = Write("cards/a.yaml", "id: a\n");
        Record($"| `cards/a.yaml` | 2026-11-29 | a reviewer | `{ContentReviewRecord.Version(card)}` | Read. |");
        Assert.Empty(ContentReviewRecord.Warnings(_folder));
    }

    [Fact]
    public void AFileChangedAfterItsReviewIsNamedWithTheReviewDateAndTheRecordsLine()
    {
        var card = Write("cards/a.yaml", "id: a\n");
        Record($"| `cards/a.yaml` | 2026-11-29 | a reviewer | `{ContentReviewRecord.Version(card)}` | Read. |");
        File.AppendAllText(card, "title: changed\n");

        var warning = Assert.Single(ContentReviewRecord.Warnings(_folder));
        Assert.Equal("REVIEW.md:5: cards/a.yaml changed after its review on 2026-11-29: read it again, then record the date and its new version.", warning.ToString());
    }

    [Fact]
    public void AFileWithNoRowARowWithNoDateAndARowForAMissingFileAreEachWarned()
    {
        Write("journeys/new.yaml", "id: new\n");
        Write("safety/lexicon.yaml", "x: 1\n");
        Record("| `safety/lexicon.yaml` |  |  |  | Not yet reviewed. |", "| `cards/gone.yaml` | 2026-11-01 | a reviewer | `000000000000` | Read. |");

        var warnings = ContentReviewRecord.Warnings(_folder).Select(w => w.ToString()).ToList();
        Assert.Equal(
            [
                "journeys/new.yaml:1: has no row in REVIEW.md: nobody has recorded reading it.",
                "REVIEW.md:5: safety/lexicon.yaml has not been reviewed yet.",
                "REVIEW.md:6: names cards/gone.yaml, which does not exist.",
            ],
            warnings);
    }

    [Fact]
    public void ValidatePrintsReviewWarningsButStillExitsZero()
    {
        var folder = Path.Combine(_folder, "dialogs");
        foreach (var file in Directory.EnumerateFiles(ContentFolders.Shipped, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(ContentFolders.Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        File.AppendAllText(Path.Combine(folder, "cards", "grounding.yaml"), "# an edit nobody has read\n");

        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ContentValidation.Run(folder, output, error));
        Assert.Contains("cards/grounding.yaml changed after its review on", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("review warning(s).", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedJourneyAndCardIsRecordedAtTheVersionLastRead()
    {
        var stale = ContentReviewRecord.Warnings(ContentFolders.Shipped)
            .Where(w => w.Message.Contains("journeys/", StringComparison.Ordinal) || w.Message.Contains("cards/", StringComparison.Ordinal)
                || w.File.StartsWith("journeys/", StringComparison.Ordinal) || w.File.StartsWith("cards/", StringComparison.Ordinal))
            .Select(w => w.ToString());
        Assert.Empty(stale);
    }
}

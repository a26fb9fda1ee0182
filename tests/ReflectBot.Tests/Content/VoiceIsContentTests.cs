namespace ReflectBot.Tests.Content;

/// <summary>
/// Every sentence the bot says to a person is content (dialogs/), not C#. The scanner (<see cref="SentenceScanner"/>)
/// lists every sentence-like literal left in src/ReflectBot with file:line; VoiceAllowList.txt names the few that
/// stay, each with why.
/// </summary>
public sealed class VoiceIsContentTests
{
    /// <summary>
    /// Folders whose sentences are still being moved into dialogs/strings on other branches. The lead empties this
    /// set after merging them; a folder not listed here must already be clean.
    /// </summary>
    public static readonly IReadOnlySet<string> Pending = new HashSet<string>(StringComparer.Ordinal)
    {
        "Cards", "Channels", "Clinic", "Content", "Conversation", "Hosting", "Journal", "Journeys", "Kernel", "Privacy", "Safety", "Storage", "Upgrade", "(root)",
    };

    private static string Source => Path.Combine(Path.GetDirectoryName(Journeys.ContentFolders.Shipped)!, "src", "ReflectBot");

    [Fact]
    public void NoUserFacingSentenceRemainsInCSharpOutsideThePendingFolders()
    {
        var allowed = AllowList();
        var findings = Findings().Where(f => !allowed.Contains((f.File, f.Text))).ToList();
        var outside = findings.Where(f => !Pending.Contains(FolderOf(f.File))).ToList();
        foreach (var group in findings.GroupBy(f => FolderOf(f.File)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{group.Key}: {group.Count()} sentence(s){(Pending.Contains(group.Key) ? " (pending)" : string.Empty)}");
            foreach (var finding in group)
            {
                Console.WriteLine("  " + finding);
            }
        }

        Assert.True(outside.Count == 0, "Sentences in C# (move them to dialogs/strings, or add to VoiceAllowList.txt with why):\n" + string.Join("\n", outside));
    }

    [Fact]
    public void EveryAllowListEntryStillNamesALiteralAndSaysWhy()
    {
        var findings = Findings().Select(f => (f.File, f.Text)).ToHashSet();
        foreach (var line in AllowListLines())
        {
            var parts = line.Split(" | ");
            Assert.True(parts.Length == 3 && parts[2].Trim().Length > 10, $"VoiceAllowList.txt: '{line}' should be: file | literal | why.");
            Assert.True(findings.Contains((parts[0], parts[1])), $"VoiceAllowList.txt: '{line}' names no literal the scanner finds; remove it.");
        }
    }

    [Fact]
    public void TheScannerFindsASentenceInEveryKindOfStringLiteral()
    {
        const string source = """"
            class C
            {
                string A() => "That entry is saved.";
                string B(int n) => $"You have {n} entries in your journal.";
                string C2() => @"Nothing to show yet.";
                string D() => """
                    Take a moment before you answer.
                    """;
            }
            """";
        var found = SentenceScanner.Scan("x.cs", source).Select(f => f.Line).ToList();
        Assert.Equal([3, 4, 5, 6], found);
    }

    [Fact]
    public void TheScannerLeavesOutLogsExceptionsFormatsPatternsPathsIdsAndRoutes()
    {
        const string source = """
            partial class C
            {
                [LoggerMessage(EventId = 1, Message = "The turn failed for {Channel}")]
                static partial void Failed(ILogger logger, string channel);
                void A(string x) { if (x is null) throw new InvalidOperationException("The key was not found here."); }
                Exception B() => new ContentException("content files have errors");
                string C2() => "{0:D3} {1}";
                string D() => @"\b(kill|hurt) (my|me)self\b";
                string E() => "safety-plan";
                string F() => "api/messages";
                string G() => "dialogs/strings/cards.yaml";
                object H() => TurnRoute.Word<HelpCommand>("help", "help · what can I say", t => true);
                string I() => "https://example.org/help line";
            }
            """;
        Assert.Empty(SentenceScanner.Scan("x.cs", source));
    }

    [Fact]
    public void TheScannerLeavesOutTheOperatorsCommandLine()
    {
        const string source = """
            static class Validate
            {
                public static int Run(TextWriter output) { output.WriteLine("No problems were found in the folder."); return 0; }
            }
            """;
        Assert.Empty(SentenceScanner.Scan("x.cs", source));
    }

    private static string FolderOf(string file) => file.Contains('/', StringComparison.Ordinal) ? file[..file.IndexOf('/', StringComparison.Ordinal)] : "(root)";

    private static List<SentenceScanner.Finding> Findings()
        => [.. Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => SentenceScanner.Scan(Path.GetRelativePath(Source, f).Replace('\\', '/'), File.ReadAllText(f)))];

    private static IEnumerable<string> AllowListLines()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Content", "VoiceAllowList.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'));

    private static HashSet<(string File, string Text)> AllowList()
        => [.. AllowListLines().Select(l => l.Split(" | ")).Where(p => p.Length == 3).Select(p => (p[0], p[1]))];
}

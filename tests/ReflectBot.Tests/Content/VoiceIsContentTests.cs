namespace ReflectBot.Tests.Content;

/// <summary>
/// Every sentence the bot says to a person is content (dialogs/), not C#. The scanner (<see cref="SentenceScanner"/>)
/// lists every sentence-like literal left in src/ReflectBot and src/ReflectBot.Dialogs (the waterfall runtime, whose
/// prompts the bot speaks through) with file:line; VoiceAllowList.txt names the few that stay, each with why.
/// </summary>
public sealed class VoiceIsContentTests
{
    private static string Sources => Path.Combine(Path.GetDirectoryName(Journeys.ContentFolders.Shipped)!, "src");

    private static readonly string[] Scanned = ["ReflectBot", "ReflectBot.Dialogs"];

    [Fact]
    public void NoUserFacingSentenceRemainsInCSharp()
    {
        var allowed = AllowList();
        var findings = Findings().Where(f => !allowed.Contains((f.File, f.Text))).ToList();
        foreach (var group in findings.GroupBy(f => FolderOf(f.File)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{group.Key}: {group.Count()} sentence(s)");
        }

        Assert.True(findings.Count == 0, "Sentences in C# (move them to dialogs/strings, or add to VoiceAllowList.txt with why):\n" + string.Join("\n", findings));
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
    public void TheScannerLeavesOutWhatACommandLineCommandWritesButNotTheRestOfItsFile()
    {
        const string source = """
            static class Validate
            {
                public static int Run(TextWriter output)
                {
                    output.WriteLine("No problems were found in the folder.");
                    Console.Error.WriteLine($"Could not read {output} at all.");
                    Send("Thanks for writing today.");
                    return 0;
                }
            }
            """;
        Assert.Equal(["Thanks for writing today."], SentenceScanner.Scan("x.cs", source).Select(f => f.Text));
    }

    [Fact]
    public void TheScannerCountsWhatTheTerminalChatWrites()
    {
        const string source = """
            static class ConsoleChat
            {
                public static async Task RunAsync(TextWriter output)
                {
                    var adapter = new ConsoleAdapter(output);
                    await output.WriteLineAsync("Take a breath and tell me how today went.");
                }
            }
            """;
        Assert.Single(SentenceScanner.Scan("x.cs", source));
    }

    [Fact]
    public void TheScannerLeavesOutOperatorsClientsAndContentAuthorsTextAndWhatTheUserTypes()
    {
        const string source = """
            sealed class FooOptionsValidator : IValidateOptions<FooOptions>
            {
                public const string Needed = "Foo:Bar must be set when Foo is on.";
            }
            sealed class Endpoints
            {
                IResult A() => DirectLineJson.Error(400, "BadArgument", "The activity is too large.");
                void B(ILogger logger) => StorageLog.TurnConflict(logger, 1, "running the turn again on fresh state");
                IResult C() => Results.BadRequest(new { error = "from and to should be dates like 2026-01-31." });
                static bool D(string text) => text is "no note" or "no thanks";
                object E(int i) => new CardAction(ActionTypes.ImBack, title, value: $"change sharing {i}");
                object F(string text) => Suggestions.Of(["free write", "menu"], text);
                string G() => "ddd d MMM yyyy, HH:mm";
                string H() => "default-src 'self'";
                string I() => "<p>Open the link to sign in.</p>";
                void J(UpgradeReport report) => report.Refused("journal", "k", "It has no place today.");
                static string? ProblemWith(string id) => id.Length == 0 ? "is empty" : null;
            }
            static class MeasureLoader
            {
                static void Read(YamlReader read, List<ContentError> errors) => read.Error(node, "a measure needs at least two options.");
                static string Where() => "the close's offer";
            }
            """;
        Assert.Empty(SentenceScanner.Scan("x.cs", source));
    }

    [Fact]
    public void TheScannerStillFindsASentenceBesideEachRule()
    {
        const string source = """
            sealed class Endpoints
            {
                void B(ILogger logger, ITurnContext turn) { StorageLog.TurnConflict(logger, 1, "retry"); turn.SendActivityAsync("Your entry is saved."); }
                object E(string text) => Suggestions.Of(["menu"], "Pick one of these to go on.");
                object F() => new CardAction(ActionTypes.ImBack, "Start the check-in now", value: "check in");
            }
            """;
        Assert.Equal(["Your entry is saved.", "Pick one of these to go on.", "Start the check-in now"], SentenceScanner.Scan("x.cs", source).Select(f => f.Text));
    }

    // "ReflectBot/Clinic/X.cs" → "ReflectBot/Clinic"; a file at a project's top → "ReflectBot/(root)".
    private static string FolderOf(string file)
    {
        var parts = file.Split('/');
        return parts.Length > 2 ? $"{parts[0]}/{parts[1]}" : $"{parts[0]}/(root)";
    }

    private static List<SentenceScanner.Finding> Findings()
        => [.. Scanned.SelectMany(project => Directory.EnumerateFiles(Path.Combine(Sources, project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => SentenceScanner.Scan(Path.GetRelativePath(Sources, f).Replace('\\', '/'), File.ReadAllText(f)))];

    private static IEnumerable<string> AllowListLines()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Content", "VoiceAllowList.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'));

    private static HashSet<(string File, string Text)> AllowList()
        => [.. AllowListLines().Select(l => l.Split(" | ")).Where(p => p.Length == 3).Select(p => (p[0], p[1]))];
}

using ReflectBot.Journeys;
using ReflectBot.Safety;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Safety;

/// <summary>The safety content files: complete, dated, and reported by file and line when broken.</summary>
public sealed class SafetyContentTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "dialogs");

    [Fact]
    public void EveryRegionEntryHasANumberAndACheckDate()
    {
        var errors = new List<ContentError>();
        var resources = SafetyContentLoader.LoadResources(Content, errors);
        Assert.Empty(errors);
        Assert.NotNull(resources);
        Assert.Contains(resources.Regions, r => r.Id == "US");
        Assert.Contains(resources.Regions, r => r.Id == "GB");
        Assert.Contains(resources.Regions, r => r.Id == "IE");
        foreach (var region in resources.Regions)
        {
            Assert.NotEmpty(region.Resources);
            foreach (var line in region.Resources)
            {
                Assert.False(string.IsNullOrWhiteSpace(line.Number), $"{region.Id} {line.Name} has no number");
                Assert.True(line.Checked > new DateOnly(2024, 1, 1), $"{region.Id} {line.Name} checked {line.Checked}");
            }
        }

        Assert.StartsWith("https://", resources.Fallback.Url, StringComparison.Ordinal);
        Assert.True(resources.Fallback.Checked > new DateOnly(2024, 1, 1));
    }

    [Fact]
    public void AResourceWithoutANumberOrDateIsReportedWithItsLine()
    {
        var folder = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(folder, "safety"));
        File.WriteAllText(Path.Combine(folder, "safety", "resources.yaml"), """
            regions:
              - id: XX
                name: Testland
                resources:
                  - name: A line
                    how: Call it.
                    checked: soon
            fallback:
              name: Directory
              how: Look it up.
              url: https://example.org/
              checked: 2026-01-01
            emergency: Call 112.
            """);
        var errors = new List<ContentError>();
        SafetyContentLoader.LoadResources(folder, errors);
        Assert.Contains(errors, e => e.Message.Contains("'number' is missing", StringComparison.Ordinal) && e.Line == 5);
        Assert.Contains(errors, e => e.Message.Contains("'checked' should be a date", StringComparison.Ordinal) && e.Line == 7);
    }

    [Fact]
    public void ABrokenPatternIsReportedWithItsLine()
    {
        var folder = TempFolder.Create();
        Directory.CreateDirectory(Path.Combine(folder, "safety"));
        File.WriteAllText(Path.Combine(folder, "safety", "lexicon.yaml"), """
            classes:
              - id: suicidal
                patterns: ['\bwant to die\b']
              - id: self-harm
                patterns: ['(unclosed']
              - id: harm-to-others
                patterns: ['\bhurt him\b']
              - id: abuse
                patterns: ['\bhits me\b']
            """);
        var errors = new List<ContentError>();
        SafetyContentLoader.LoadLexicon(folder, errors);
        var error = Assert.Single(errors, e => e.Message.Contains("not a valid regular expression", StringComparison.Ordinal));
        Assert.Equal(5, error.Line);
        Assert.Contains("lexicon.yaml", error.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this traffic is killing me", RiskClass.None)]
    [InlineData("I killed it at work", RiskClass.None)]
    [InlineData("dying to see it", RiskClass.None)]
    [InlineData("I used to self-harm but I've been safe for years", RiskClass.None)]
    [InlineData("I used to self-harm but I've started again", RiskClass.SelfHarm)]
    [InlineData("I'm not going to hurt anyone", RiskClass.None)]
    [InlineData("I can't stop thinking about killing myself", RiskClass.Suicidal)]
    [InlineData("my partner hits me", RiskClass.Abuse)]
    [InlineData("I want to hurt him", RiskClass.HarmToOthers)]
    public void TheIssuesExamplesAreReadAsExpected(string text, RiskClass expected)
    {
        var errors = new List<ContentError>();
        var screen = new RiskScreen(SafetyContentLoader.LoadLexicon(Content, errors)!);
        Assert.Empty(errors);
        Assert.Equal(expected, screen.Screen(text));
    }

    [Fact]
    public void AMegabyteOfTextIsScreenedWithoutHanging()
    {
        var errors = new List<ContentError>();
        var screen = new RiskScreen(SafetyContentLoader.LoadLexicon(Content, errors)!);
        Assert.Equal(RiskClass.None, screen.Screen(string.Concat(Enumerable.Repeat("not not never no ", 65_000))));
        Assert.Equal(RiskClass.Suicidal, screen.Screen("I want to die " + new string('a', 1_000_000)));
    }
}

using ReflectBot.Content;
using ReflectBot.Hosting;

namespace ReflectBot.Tests.Journeys;

/// <summary>The content checks a writer meets: every shipped file passes; every mistake names file, line and problem.</summary>
public sealed class ContentValidatorTests
{
    [Fact]
    public void TheShippedContentHasNoProblems()
    {
        var errors = new List<ContentError>();
        var library = ContentLibrary.LoadWithErrors(ContentFolders.Shipped, errors);
        Assert.Empty(errors);
        Assert.Equal(Directory.GetFiles(Path.Combine(ContentFolders.Shipped, "journeys"), "*.yaml").Length, library.Journeys.All.Count);
        Assert.True(library.Cards.All.Count >= 18, $"only {library.Cards.All.Count} cards");
    }

    [Fact]
    public void EveryShippedJourneyIsShortHasACommandOfItsOwnAndOffersSomethingAtTheEnd()
    {
        // Words other features own, and the words that work at any moment.
        string[] taken = ["my journal", "mood", "export", "privacy", "delete my data", "safety plan", "learn", "cards", "menu", "help", "cancel", "stop", "back"];
        var library = ContentLibrary.Load(ContentFolders.Shipped);
        foreach (var journey in library.Journeys.All)
        {
            // Short, unless the file itself marks the journey long (the loader checks both bounds).
            Assert.InRange(journey.Minutes, 1, journey.IsLong ? JourneyDefinition.LongMinutes : JourneyDefinition.ShortMinutes);

            // The longest walk through it: its first step, and each choice's branch from the step that offers it.
            var longest = journey.Steps.SelectMany((s, i) => s.Answer.Choices.Where(c => c.Goto is not null)
                .Select(c => i + 1 + journey.PathLength(journey.Steps.FindIndex(x => x.Id == c.Goto))))
                .Append(journey.PathLength(0)).Max();
            Assert.True(longest <= 7, $"{journey.Id} asks up to {longest} questions");

            Assert.NotEmpty(journey.Commands);
            Assert.DoesNotContain(journey.Commands, c => taken.Contains(c, StringComparer.OrdinalIgnoreCase));
            Assert.True(journey.Close.Offer.Card is not null || journey.Close.Offer.Journey is not null, $"{journey.Id} offers nothing at the end");
            Assert.NotNull(journey.Close.SavePrompt);
        }

        var commands = library.Journeys.All.SelectMany(j => j.Commands).ToList();
        Assert.Equal(commands.Count, commands.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void EveryShippedFileNamesItsSchemaForEditors()
    {
        foreach (var file in Directory.EnumerateFiles(ContentFolders.Shipped, "*.yaml", SearchOption.AllDirectories))
        {
            var schema = ContentFolders.SchemaFor(Path.GetRelativePath(ContentFolders.Shipped, file));
            Assert.True(File.Exists(Path.Combine(ContentFolders.Shipped, "schema", schema)), $"{schema} is missing");
            Assert.StartsWith($"# yaml-language-server: $schema=../schema/{schema}\n", File.ReadAllText(file).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, int, string> BrokenFiles => new()
    {
        {
            "journeys/syntax.yaml",
            "id: syntax\ntitle: Syntax\nsummary: s\nsteps:\n  - id: one\n    prompt: [unclosed\n",
            7, "YAML syntax error"
        },
        {
            "journeys/unknown-key.yaml",
            "id: unknown-key\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    promt: Hi?\n    prompt: Hi?\n    answer: { kind: text }\n",
            6, "unknown key 'promt'"
        },
        {
            "journeys/missing-title.yaml",
            "id: missing-title\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n",
            1, "'title' is missing."
        },
        {
            "journeys/duplicate-step.yaml",
            "id: duplicate-step\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n  - id: one\n    prompt: Again?\n    answer: { kind: text }\n",
            8, "duplicate step id 'one'."
        },
        {
            "journeys/scale.yaml",
            "id: scale\ntitle: T\nsummary: s\nsteps:\n  - id: level\n    prompt: How much?\n    answer:\n      kind: scale\n      min: 10\n      max: 0\n",
            9, "step 'level': the scale's min (10) is above its max (0)."
        },
        {
            "journeys/unknown-card.yaml",
            "id: unknown-card\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n    card: no-such-card\n",
            8, "step 'one' names unknown card 'no-such-card'."
        },
        {
            "journeys/missing-branch.yaml",
            "id: missing-branch\ntitle: T\nsummary: s\nsteps:\n  - id: pick\n    prompt: Which?\n    answer:\n      kind: choice\n      choices:\n        - value: a\n          goto: nowhere\n        - value: b\n",
            11, "step 'pick': choice 'a' goes to step 'nowhere', which does not exist."
        },
        {
            "journeys/backward-branch.yaml",
            "id: backward-branch\ntitle: T\nsummary: s\nsteps:\n  - id: first\n    prompt: Hi?\n    answer: { kind: text }\n  - id: pick\n    prompt: Which?\n    answer:\n      kind: choice\n      choices:\n        - value: a\n          goto: first\n        - value: b\n",
            14, "step 'pick': choice 'a' goes back to step 'first'; a journey only skips forward."
        },
        {
            "journeys/unknown-offer.yaml",
            "id: unknown-offer\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\nclose:\n  offer:\n    journey: nope\n",
            10, "the close's offer names unknown journey 'nope'."
        },
        {
            "journeys/colon.yaml",
            "id: colon\ntitle: T\nsummary: s\nsteps:\n  - id: one\n    prompt:\n      - What made it hard: work or home?\n    answer: { kind: text }\n",
            7, "put the text in quotes"
        },
        {
            "journeys/too-long.yaml",
            "id: too-long\ntitle: T\nsummary: s\nminutes: 10\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n",
            4, "a journey takes 1 to 5 minutes, not 10; mark one that cannot be shorter with 'long: true'."
        },
        {
            "journeys/not-long.yaml",
            "id: not-long\ntitle: T\nsummary: s\nminutes: 4\nlong: true\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n",
            4, "'long: true' is for a journey over 5 minutes"
        },
        {
            "journeys/far-too-long.yaml",
            "id: far-too-long\ntitle: T\nsummary: s\nminutes: 30\nlong: true\nsteps:\n  - id: one\n    prompt: Hi?\n    answer: { kind: text }\n",
            4, "a long journey takes at most 15 minutes, not 30."
        },
        {
            "cards/short.yaml",
            "id: short\ntitle: Short\ntext: Far too short.\nquestion: Is it?\njourney: small\ntags: [t]\nkeywords: [k]\n",
            3, "card 'short': the text has 3 words; write 60 to 120."
        },
        {
            "cards/unknown-journey.yaml",
            ContentFolders.ValidCard.Replace("id: a-card", "id: other", StringComparison.Ordinal).Replace("journey: small", "journey: missing", StringComparison.Ordinal),
            8, "card 'other' names unknown journey 'missing'."
        },
        {
            "cards/b-card.yaml",
            ContentFolders.ValidCard,
            1, "card id 'a-card' is also used by"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void ABrokenFileIsReportedWithItsFileLineAndProblem(string file, string yaml, int line, string message)
    {
        var folder = ContentFolders.With((file, yaml));
        var errors = new List<ContentError>();
        ContentLibrary.LoadWithErrors(folder, errors);

        var error = Assert.Single(errors);
        Assert.Equal(file.Replace('/', Path.DirectorySeparatorChar), error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private const string Measure = "id: m\ntitle: M\nterms: Free to use.\npreamble: How often?\noptions:\n  - { value: 0, label: Never }\n  - { value: 1, label: Often }\nitems:\n  - { id: one, text: First }\n  - { id: two, text: Second }\nbands: [ { min: 0, max: 2 } ]\n";

    public static TheoryData<string, int, string> BrokenMeasures => new()
    {
        { "id: m\ntitle: [M\n", 3, "YAML syntax error" },
        { Measure.Replace("terms:", "colour: blue\nterms:", StringComparison.Ordinal), 3, "unknown key 'colour'" },
        { Measure.Replace("terms: Free to use.\n", string.Empty, StringComparison.Ordinal), 1, "'terms' is missing." },
        { Measure.Replace("{ value: 0, label: Never }", "{ value: 1, label: Never }", StringComparison.Ordinal), 7, "two options score 1." },
        { Measure.Replace("{ id: two, text: Second }", "{ id: one, text: Second }", StringComparison.Ordinal), 10, "duplicate item id 'one'." },
        { Measure.Replace("{ id: two, text: Second }", "{ id: two, text: Second, safety: maybe }", StringComparison.Ordinal), 10, "'safety' should be true or false." },
        { Measure.Replace("max: 2", "max: 9", StringComparison.Ordinal), 11, "the band 0-9 is outside the scores 0-2." },
    };

    [Theory]
    [MemberData(nameof(BrokenMeasures))]
    public void ABrokenMeasureIsReportedWithItsFileLineAndProblem(string yaml, int line, string message)
    {
        var errors = new List<ContentError>();
        ContentValidation.Check(ContentFolders.With(("measures/m.yaml", yaml)), errors);

        var error = Assert.Single(errors);
        Assert.Equal(Path.Combine("measures", "m.yaml"), error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoMeasuresCannotShareAnIdOrACommand()
    {
        var errors = new List<ContentError>();
        var withCommand = Measure.Replace("title: M", "title: M\ncommands: [check]", StringComparison.Ordinal);
        ContentValidation.Check(ContentFolders.With(("measures/a.yaml", withCommand), ("measures/b.yaml", withCommand)), errors);
        Assert.Contains(errors, e => e.ToString() == $"measures{Path.DirectorySeparatorChar}b.yaml:1: measure id 'm' is also used by measures{Path.DirectorySeparatorChar}a.yaml.");
        Assert.Contains(errors, e => e.ToString() == $"measures{Path.DirectorySeparatorChar}b.yaml:1: command 'check' is also used by measures{Path.DirectorySeparatorChar}a.yaml.");
    }

    [Fact]
    public void TheValidateCommandChecksTheMeasures()
    {
        var folder = ContentFolders.With(("measures/m.yaml", Measure.Replace("{ id: two, text: Second }", "{ id: two }", StringComparison.Ordinal)));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, ContentValidation.Run(folder, output, error));
        Assert.Contains($"measures{Path.DirectorySeparatorChar}m.yaml:10: 'text' is missing.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 problem(s)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenMeasureFileStopsStartUpNamingFileAndLine()
    {
        var folder = ContentFolders.CopyOfShipped();
        File.WriteAllText(Path.Combine(folder, "measures", "phq-9.yaml"), Measure.Replace("preamble:", "preambel:", StringComparison.Ordinal));
        using var host = new Support.BotHost(null, ("Content:Path", folder));
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains($"measures{Path.DirectorySeparatorChar}phq-9.yaml:4: unknown key 'preambel'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadingBrokenContentThrowsWithEveryProblemListed()
    {
        var folder = ContentFolders.With(
            ("journeys/a.yaml", "id: a\ntitle: A\nsummary: s\nsteps:\n  - id: x\n    prompt: Hi?\n    answer: { kind: sideways }\n"),
            ("journeys/b.yaml", "id: b\ntitle: B\nsteps: []\n"));
        var ex = Assert.Throws<ContentException>(() => ContentLibrary.Load(folder));
        Assert.Contains(ex.Errors, e => e.ToString() == $"journeys{Path.DirectorySeparatorChar}a.yaml:7: unknown answer kind 'sideways' (expected text, scale, choice, confirm or date-time).");
        Assert.Contains(ex.Errors, e => e.File.EndsWith("b.yaml", StringComparison.Ordinal) && e.Message == "'summary' is missing.");
        Assert.Contains("a.yaml:7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidateCommandExitsZeroForTheShippedContent()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ContentValidation.Run(ContentFolders.Shipped, output, error));
        var library = ContentLibrary.Load(ContentFolders.Shipped);
        var measures = Directory.GetFiles(Path.Combine(ContentFolders.Shipped, "measures"), "*.yaml").Length;
        Assert.True(measures >= 2, $"only {measures} measures");
        Assert.Contains(
            $"{library.Journeys.All.Count} journeys, {library.Cards.All.Count} cards, {measures} measures, the safety lexicon, crisis resources, replies, training examples, labelled sets and model weights: no problems",
            output.ToString(),
            StringComparison.Ordinal);

        // Only review warnings (files not yet read by a person), never a problem.
        Assert.All(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains(": warning: ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void TheValidateCommandExitsOneAndPrintsFileAndLineForBrokenContent()
    {
        var folder = ContentFolders.With(("journeys/dup.yaml", ContentFolders.ValidJourney));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, ContentValidation.Run(folder, output, error));
        Assert.Contains($"journeys{Path.DirectorySeparatorChar}small.yaml:1: journey id 'small' is also used by", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 problem(s)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidateCommandExitsOneForAFolderWithoutJourneys()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(1, ContentValidation.Run(Support.TempFolder.Create(), output, error));
        Assert.Contains("no journeys/ folder", error.ToString(), StringComparison.Ordinal);
    }
}

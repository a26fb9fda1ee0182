using ReflectBot.Hosting;
using ReflectBot.Journeys;

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
        Assert.Equal(7, library.Journeys.All.Count);
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
            Assert.InRange(journey.Minutes, 1, 5);

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
            var kind = Path.GetFileName(Path.GetDirectoryName(file)) == "cards" ? "card" : "journey";
            Assert.StartsWith($"# yaml-language-server: $schema=../schema/{kind}.schema.json", File.ReadAllText(file), StringComparison.Ordinal);
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
        Assert.Contains("7 journeys, 20 cards, no problems", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
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

using ReflectBot.Content;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Cards;

/// <summary>
/// Card keywords read in their context (issue 16): a keyword counts within its sentence, not after a negator,
/// not under one of its card's exclude phrases, and only with the cue groups it needs; one-word commands do not
/// take over answers mid-journey; <c>evaluate-cards</c> reports each labelled file apart.
/// </summary>
public sealed class CardKeywordContextTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("went shopping with my sister", null)]
    [InlineData("I had a drink with friends after work", null)]
    [InlineData("spent the evening alone with a book and it was lovely", null)]
    [InlineData("I went shopping again to feel better", "Why we reach for relief")]
    [InlineData("I drank too much again to cope", "Why we reach for relief")]
    [InlineData("I binge watched a series all weekend", null)]
    public async Task AnAnswerBringsUpACardOnlyWhenItsKeywordMeansItInContext(string answer, string? title)
    {
        var replies = await _host.Client().SayAllAsync("check in", "5", "tired", answer);
        Assert.Equal(title is null ? [] : [title], Replies.CardTitles(replies));
    }

    [Fact]
    public void ANegatorJustBeforeAKeywordCancelsItUnlessAnAffirmingWordFollowsIt()
    {
        var cards = ContentLibrary.Load(ContentFolders.Shipped).Cards;
        Assert.Equal("seeking-relief", cards.MatchKeywords("I can't stop scrolling to numb out")?.Id);
        Assert.Null(cards.MatchKeywords("I don't think I'm addicted to anything"));
        Assert.Equal("seeking-relief", cards.MatchKeywords("I'm addicted. I don't know what to do")?.Id);
    }

    [Fact]
    public void AKeywordIsReadWithinItsOwnSentence()
    {
        var cards = ContentLibrary.Load(ContentFolders.Shipped).Cards;

        // "to cope" in the next sentence is not the drink's context.
        Assert.Null(cards.MatchKeywords("I had a drink with dinner. Work was a lot to cope with"));
        Assert.Equal("seeking-relief", cards.MatchKeywords("I had a drink to cope. Work was a lot")?.Id);
    }

    [Fact]
    public void ACardKeywordNamingAnUnknownCueGroupIsAnErrorAtItsLine()
    {
        var folder = ContentFolders.CopyOfShipped();
        var file = Path.Combine(folder, "cards", "seeking-relief.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("needs: [self, coping] }", "needs: [self, copin] }", StringComparison.Ordinal));
        var errors = new List<ContentError>();
        ContentLibrary.LoadWithErrors(folder, errors);
        var error = errors.First(e => e.ToString().Contains("copin", StringComparison.Ordinal));
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("copin", StringComparison.Ordinal)) + 1;
        Assert.Equal($"cards/seeking-relief.yaml:{line}: keyword 'drinking' names unknown cue group 'copin' (keywords/cues.yaml).", error.ToString());
    }

    [Fact]
    public void AnExcludePhraseThatOverlapsNoKeywordIsAnError()
    {
        var folder = ContentFolders.CopyOfShipped();
        var file = Path.Combine(folder, "cards", "seeking-relief.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("exclude: [\"binge watch\"", "exclude: [\"garden party\", \"binge watch\"", StringComparison.Ordinal));
        var errors = new List<ContentError>();
        ContentLibrary.LoadWithErrors(folder, errors);
        Assert.Contains(errors, e => e.ToString() == "cards/seeking-relief.yaml:1: exclude 'garden party' overlaps none of card 'seeking-relief''s keywords, so it cancels nothing.");
        Assert.DoesNotContain(errors, e => e.ToString().Contains("'binge watch'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("home")]
    [InlineData("journal")]
    [InlineData("fears")]
    [InlineData("enough")]
    public async Task AOneWordAnswerMidJourneyIsTheAnswerNotACommand(string word)
    {
        var client = _host.Client();
        await client.SayAllAsync("check in", "5");
        var replies = BotClient.Read(await client.SayAsync(word));
        var onMind = ContentFolders.Prompts("daily-check-in", "on-mind");
        Assert.Contains(onMind, p => replies.Contains(p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhileANumberIsAskedAOneWordCommandStillStartsItsJourney()
    {
        // A word cannot answer a scale question, so there it keeps its meaning as a command.
        var client = _host.Client();
        await client.SayAsync("check in");
        var replies = BotClient.Read(await client.SayAsync("fears"));
        var first = ContentLibrary.Load(ContentFolders.Shipped).Journeys.Find("fears-of-intimacy")!.Steps[0].Prompt;
        Assert.Contains(first, p => replies.Contains(p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MenuAndStopStillWorkMidJourney()
    {
        var client = _host.Client();
        await client.SayAllAsync("check in", "5");
        var stopped = BotClient.Read(await client.SayAsync("stop"));
        Assert.Contains("Nothing from it was saved", stopped, StringComparison.Ordinal);
        await client.SayAllAsync("check in", "5");
        var menu = BotClient.Read(await client.SayAsync("menu"));
        Assert.DoesNotContain(ContentFolders.Prompts("daily-check-in", "on-mind"), p => menu.Contains(p, StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateCardsReportsEachFileApartAndListsOnlyTheDevelopmentSetsMistakes()
    {
        var folder = ContentFolders.CopyOfShipped();
        var evaluation = Path.Combine(folder, "cards", "evaluation");
        File.AppendAllText(Path.Combine(evaluation, "dev.tsv"), "dev-900\tgrounding\tI painted the fence today\n");
        File.WriteAllText(Path.Combine(evaluation, "test.tsv"), "id\tcard\ttext\nkw-1\tnone\tlunch in the park\nkw-2\tseeking-relief\tI went shopping again to feel better\nkw-3\tgrounding\tsecret held-out sentence\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = CardEvaluationCommand.Run([folder, "--verbose"], output, error);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("dev.tsv: 85 sentences (27 with a card, 58 with none)", text, StringComparison.Ordinal);
        Assert.Contains("  accuracy (the right card, or rightly none): 84/85 = 98.8 % (95 % Wilson", text, StringComparison.Ordinal);
        Assert.Contains("  recall of the right card: 26/27 = 96.3 %", text, StringComparison.Ordinal);
        Assert.Contains("  dev-900: expected grounding, got none: I painted the fence today", text, StringComparison.Ordinal);
        Assert.Contains("test.tsv: 3 sentences (2 with a card, 1 with none)", text, StringComparison.Ordinal);
        Assert.Contains("  accuracy (the right card, or rightly none): 2/3 = 66.7 %", text, StringComparison.Ordinal);
        Assert.Contains("  a card offered where none was right: 0/1 = 0.0 % (95 % Wilson 0.0–79.3 %)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kw-3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret held-out sentence", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCardsNamesABrokenLineAndStops()
    {
        var folder = ContentFolders.CopyOfShipped();
        File.WriteAllText(Path.Combine(folder, "cards", "evaluation", "test-b.tsv"), "kw-1\tnone\tfine\nkw-2\tno-such-card\tsomething\n");
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(1, CardEvaluationCommand.Run([folder], output, error));
        Assert.Equal("cards/evaluation/test-b.tsv:2: 'no-such-card' is neither a card id nor 'none'.", error.ToString().Trim());
    }
}

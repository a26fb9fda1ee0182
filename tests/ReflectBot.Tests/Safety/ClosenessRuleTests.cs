using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round ten's closeness rule (evaluation README, round ten, (b)), apart from the host: which of the bot's own questions
/// are closeness questions (the shipped lexicon's <c>closenessQuestions</c> on the journeys' own words), and what the
/// rule does to a reading, both ways.
/// </summary>
public sealed class ClosenessRuleTests
{
    private static readonly string[] ClosenessJourneys = ["fears-of-intimacy", "moment-of-closeness", "early-attachment"];

    private static readonly ScreenResult ModelOnlyAbuse = new(RiskLevel.Clear, RiskClass.Abuse, "model", 0.93) { LexiconOnTopic = false };

    [Fact]
    public void EveryQuestionOfTheThreeClosenessJourneysButTheHurtBranchAndTheSettlingStepIsAClosenessQuestion()
    {
        var screen = Lexicon();
        var journeys = JourneyCatalog.Load(ContentFolders.Shipped);
        var asked = 0;
        foreach (var journey in journeys.Where(j => ClosenessJourneys.Contains(j.Id)))
        {
            foreach (var step in journey.Steps)
            {
                var expected = !step.Id.StartsWith("attack", StringComparison.Ordinal) && step.Id != "settle";
                foreach (var wording in step.Prompt)
                {
                    asked++;
                    Assert.True(expected == screen.IsClosenessQuestion(wording), $"{journey.Id}/{step.Id}: '{wording}' should {(expected ? string.Empty : "not ")}be a closeness question");
                }
            }
        }

        Assert.True(asked > 40, $"{asked} wordings checked");
    }

    [Fact]
    public void NoQuestionOfAnyOtherJourneyIsAClosenessQuestion()
    {
        var screen = Lexicon();
        var others = JourneyCatalog.Load(ContentFolders.Shipped).Where(j => !ClosenessJourneys.Contains(j.Id)).ToList();
        Assert.Contains(others, j => j.Id == "daily-check-in");
        Assert.Contains(others, j => j.Id == "safety-plan");
        foreach (var journey in others)
        {
            foreach (var wording in journey.Steps.SelectMany(s => s.Prompt))
            {
                Assert.False(screen.IsClosenessQuestion(wording), $"{journey.Id}: '{wording}'");
            }
        }

        Assert.False(screen.IsClosenessQuestion(null));
        Assert.False(screen.IsClosenessQuestion("   "));
    }

    [Fact]
    public void AModelOnlyFullReplyToAClosenessQuestionBecomesTheCheckWithTheRuleOn()
    {
        var moved = SafetyScreen.ForAnswer(ModelOnlyAbuse, answersClosenessQuestion: true, rule: true);

        Assert.Equal(RiskLevel.Possible, moved.Level);
        Assert.Equal(RiskClass.Abuse, moved.Class);
        Assert.True(moved.IsAlarm);
        Assert.Same(ModelOnlyAbuse, SafetyScreen.ForAnswer(ModelOnlyAbuse, answersClosenessQuestion: true, rule: false));
    }

    [Fact]
    public void AnyOtherReadingIsLeftAsItWas()
    {
        var onTopic = ModelOnlyAbuse with { LexiconOnTopic = true };
        var attempt = ModelOnlyAbuse with { Class = RiskClass.Attempt };
        var lexicon = new ScreenResult(RiskLevel.Clear, RiskClass.Suicidal, "lexicon");
        var check = ModelOnlyAbuse with { Level = RiskLevel.Possible };
        foreach (var result in new[] { onTopic, attempt, lexicon, check, ScreenResult.Nothing })
        {
            Assert.Same(result, SafetyScreen.ForAnswer(result, answersClosenessQuestion: true, rule: true));
        }

        // Not an answer to a closeness question (a first message, another journey's question, storage down).
        Assert.Same(ModelOnlyAbuse, SafetyScreen.ForAnswer(ModelOnlyAbuse, answersClosenessQuestion: false, rule: true));
    }

    [Fact]
    public void TheModelsReadingCarriesWhetherTheLexiconFoundTheMessageOnARiskTopic()
    {
        var screen = Lexicon();
        var off = screen.Read("i think he'll leave eventually, they all do");
        var on = screen.Read("I self-harmed as a teenager. The memory came back this week when I found my old diary.");
        Assert.False(off.OnTopic);
        Assert.True(on.OnTopic);
        var model = new ScreenResult(RiskLevel.Clear, RiskClass.SelfHarm, "model", 0.9);

        Assert.False(SafetyScreen.Combine(off, model).LexiconOnTopic);
        Assert.True(SafetyScreen.Combine(on, model).LexiconOnTopic);
    }

    private static RiskScreen Lexicon()
    {
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(ContentFolders.Shipped, errors);
        Assert.Empty(errors);
        return new RiskScreen(lexicon!);
    }
}

using ReflectBot.Content;
using ReflectBot.Safety;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round nine's model-only cap (<see cref="SafetyScreen.Combine(LexiconReading, ScreenResult?, bool)"/>), as
/// train-safety measures it: with it, a model alarm on a message the shipped lexicon finds on no risk topic gets the
/// possible-risk check, never the full reply; an attempt, or a message the lexicon finds on a risk topic, keeps the
/// model's full reply; no alarm is lost. The shipped screen has it off.
/// </summary>
public sealed class ModelOnlyCapTests
{
    private static readonly string Content = Path.Combine(AppContext.BaseDirectory, "dialogs");

    private static readonly ScreenResult ModelClearAbuse = new(RiskLevel.Clear, RiskClass.Abuse, "model", 0.93);

    [Theory]
    [InlineData("i think that he'll leave. and that i'm not enough")]
    [InlineData("i get clingy and then i push him away before he can leave me")]
    public void AModelOnlyFullReplyOnAMessageOffEveryRiskTopicBecomesTheCheck(string text)
    {
        var reading = Lexicon().Read(text);
        Assert.False(reading.OnTopic);

        var capped = SafetyScreen.Combine(reading, ModelClearAbuse, capModelOnly: true);

        Assert.Equal(RiskLevel.Possible, capped.Level);
        Assert.Equal(RiskClass.Abuse, capped.Class);
        Assert.True(capped.IsAlarm);
        Assert.Equal(RiskLevel.Clear, SafetyScreen.Combine(reading, ModelClearAbuse, capModelOnly: false).Level);
    }

    [Fact]
    public void AnAttemptReadByTheModelAloneKeepsTheFullReply()
    {
        var reading = Lexicon().Read("i've done something stupid and i'm scared now");
        Assert.False(reading.OnTopic);

        var attempt = new ScreenResult(RiskLevel.Clear, RiskClass.Attempt, "model", 0.97);

        Assert.Equal(RiskLevel.Clear, SafetyScreen.Combine(reading, attempt, capModelOnly: true).Level);
    }

    [Fact]
    public void AModelFullReplyOnAMessageTheLexiconFindsOnARiskTopicIsNotCapped()
    {
        // Told as past by the lexicon (on a risk topic), read as present by the model: the full reply stays.
        var reading = Lexicon().Read("I self-harmed as a teenager. The memory came back this week when I found my old diary.");
        Assert.Equal(RiskClass.None, reading.Live);
        Assert.True(reading.OnTopic);
        var selfHarm = new ScreenResult(RiskLevel.Clear, RiskClass.SelfHarm, "model", 0.91);

        Assert.Equal(RiskLevel.Clear, SafetyScreen.Combine(reading, selfHarm, capModelOnly: true).Level);
    }

    [Fact]
    public void ACheckOrNothingFromTheModelIsLeftAsItWas()
    {
        var reading = Lexicon().Read("i think that he'll leave. and that i'm not enough");
        var check = new ScreenResult(RiskLevel.Possible, RiskClass.Abuse, "model", 0.83);
        var nothing = new ScreenResult(RiskLevel.None, RiskClass.None, "model", 0.2);

        Assert.Equal(check, SafetyScreen.Combine(reading, check, capModelOnly: true));
        Assert.Equal(RiskLevel.None, SafetyScreen.Combine(reading, nothing, capModelOnly: true).Level);
    }

    [Fact]
    public void TheShippedScreenLeavesAModelOnlyFullReplyAsTheModelReadIt()
    {
        // The cap is measured by train-safety on every run, and off in the screen that ships (the lead's decision,
        // evaluation README round nine: it took the full reply from 700 risk messages to spare 13 harmless ones).
        // (Round fourteen's lexicon reads "a rope in the boot" itself, so the message the model alone reads is another.)
        var reading = Lexicon().Read("The spare key is with my neighbour and I've given my guitar away");
        Assert.False(reading.OnTopic);
        var suicidal = new ScreenResult(RiskLevel.Clear, RiskClass.Suicidal, "model", 0.9);

        Assert.Equal(RiskLevel.Clear, SafetyScreen.Combine(reading, suicidal).Level);
        Assert.Equal(RiskLevel.Possible, SafetyScreen.Combine(reading, suicidal, capModelOnly: true).Level);
    }

    private static RiskScreen Lexicon()
    {
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(Content, errors);
        Assert.Empty(errors);
        return new RiskScreen(lexicon!);
    }
}

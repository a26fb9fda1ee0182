using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round ten's (c), the lexicon's past reading (evaluation README, round ten): a harm told as over is read as past,
/// not as live risk, and the same words told as now still are. Phrasings written for these tests, not lines of any
/// labelled set.
/// </summary>
public sealed class PastReadingTests
{
    [Theory]
    [InlineData("Twelve years ago today I took an overdose. I'm so glad I'm still here, we're having a cake.", RiskClass.Attempt)]
    [InlineData("Seven years ago this week I tried to end my life, and this week I got engaged.", RiskClass.Suicidal)]
    [InlineData("What I wish somebody had told me when I was making myself sick after meals: you deserve food.", RiskClass.EatingDisorder)]
    [InlineData("I wish to note that I cut myself in 2004, and that it has not happened since.", RiskClass.SelfHarm)]
    [InlineData("I starved myself in the eighties to stay thin.", RiskClass.EatingDisorder)]
    [InlineData("My late husband controlled every penny for thirty years.", RiskClass.Abuse)]
    [InlineData("He controlled all the money and read my messages. I left in 2015 and I have my own account now.", RiskClass.Abuse)]
    [InlineData("My stepfather beat me most weekends. He died in 1998.", RiskClass.Abuse)]
    [InlineData("I made myself sick after meals from 15 to 19. I'm a mum of three now.", RiskClass.EatingDisorder)]
    [InlineData("When I was student I tried to kill myself with pills.", RiskClass.Suicidal)]
    [InlineData("Between 2009 and 2011 I heard voices telling me to walk into the sea.", RiskClass.Voices)]
    public void AHarmToldAsOverIsReadAsPast(string text, RiskClass over)
    {
        var reading = Lexicon().Read(text);

        Assert.Equal(RiskClass.None, reading.Live);
        Assert.True(reading.IsPast(over), $"'{text}' should be read as a past {RiskClasses.IdOf(over)}");
    }

    [Theory]
    [InlineData("I took all my tablets. That was twenty minutes ago.", RiskClass.Attempt)]
    [InlineData("Ten years ago today I tried to kill myself and tonight I want to do it again.", RiskClass.Suicidal)]
    [InlineData("I left in 2019. He still hits me when he drops the kids off.", RiskClass.Abuse)]
    [InlineData("I wish I was dead. My dad died in 2011.", RiskClass.Suicidal)]
    [InlineData("Since the eighties nothing helped and I'm still starving myself now.", RiskClass.EatingDisorder)]
    public void TheSameWordsToldAsNowAreStillLiveRisk(string text, RiskClass live)
    {
        var reading = Lexicon().Read(text);

        Assert.True(reading.IsLive(live), $"'{text}' should be read as live {RiskClasses.IdOf(live)}; read live {RiskClasses.IdOf(reading.Live)}, past {RiskClasses.IdOf(reading.Past)}");
    }

    private static RiskScreen Lexicon()
    {
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(ContentFolders.Shipped, errors);
        Assert.Empty(errors);
        return new RiskScreen(lexicon!);
    }
}

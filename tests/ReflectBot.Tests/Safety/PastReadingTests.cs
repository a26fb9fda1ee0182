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
    // Round thirteen: a habit told in the past tense in a sentence set in the past; a school year; a former place; a
    // span of ages; dated by an event, a month or "a year ago"; during a divorce; a dated parting; "it's been twenty
    // years"; a fresh start or "but now I'm happy" is no relapse; the now-word of the telling; "I don't anymore".
    [InlineData("When I was at school my stepdad hit me every night.", RiskClass.Abuse)]
    [InlineData("I got beaten up every day in year 8, now it is just a building to me.", RiskClass.Abuse)]
    [InlineData("Between 15 and 19 I cut my thighs.", RiskClass.SelfHarm)]
    [InlineData("The winter after my mum died I wanted to die too.", RiskClass.Suicidal)]
    [InlineData("One time my dad threw me against the fridge.", RiskClass.Abuse)]
    [InlineData("March 2018 I tried to hang myself.", RiskClass.Suicidal)]
    [InlineData("A year ago I was in hospital after the overdose.", RiskClass.Suicidal)]
    [InlineData("I scratched my arms raw during the divorce.", RiskClass.SelfHarm)]
    [InlineData("He locked me out of the flat most weekends. We split in 2017.", RiskClass.Abuse)]
    [InlineData("He locked me in the shed. She's been dead ten years.", RiskClass.Abuse)]
    [InlineData("My dad threw me down the stairs. It's been twenty years.", RiskClass.Abuse)]
    [InlineData("My uncle beat me as a child. But now I'm happy.", RiskClass.Abuse)]
    [InlineData("In my first marriage he beat me. I came here in 2001 to start again.", RiskClass.Abuse)]
    [InlineData("Today I remembered the night I tried to overdose when I was 17.", RiskClass.Suicidal)]
    [InlineData("I used to burn myself, I don't anymore.", RiskClass.SelfHarm)]
    [InlineData("I self-harmed most nights in my late teens.", RiskClass.SelfHarm)]
    [InlineData("I usd to cut my arms wen I was 15.", RiskClass.SelfHarm)]
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
    // Round thirteen: a habit told in the present beside a dated past stays now; a school year told in the present; a
    // relapse; the now-word of the harm itself; "I still do".
    [InlineData("I left in 2015. My stepdad hits me every week.", RiskClass.Abuse)]
    [InlineData("I'm in year 8 and they beat me up every day.", RiskClass.ChildDanger)]
    [InlineData("He beat me for years, and now it is starting again.", RiskClass.Abuse)]
    [InlineData("Today I tried to overdose.", RiskClass.Suicidal)]
    [InlineData("I used to burn myself and I still do.", RiskClass.SelfHarm)]
    public void TheSameWordsToldAsNowAreStillLiveRisk(string text, RiskClass live)
        => ShippedLexicon.AssertLive(text, live);

    private static RiskScreen Lexicon() => ShippedLexicon.Screen();
}

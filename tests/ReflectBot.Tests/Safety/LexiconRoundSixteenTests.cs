using ReflectBot.Content;
using ReflectBot.Safety;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round sixteen (evaluation README, round sixteen): round fifteen's leftovers in the lexicon ("cut down" a tree, the one
/// who does not know is not the subject, things named as not needed, "he makes her sit on his lap" with nobody named, the
/// last time before a move), and the stance rules for the kinds of harmless message the screen alarmed on (anger laughed
/// off or hung on a chore, a wish to die said as a joke or of a queue, anger worked off, scars talked about or tattooed
/// over, a client's words reported, a word mentioned, more irregular past tenses). Each both ways: a harmless sentence now
/// spared, a risk sentence still read. Phrasings written for these tests, not lines of any labelled set or of examples.yaml.
/// </summary>
public sealed class LexiconRoundSixteenTests
{
    [Theory]
    // Round fifteen's leftovers: the risk senses read.
    [InlineData("She doesn't know it was the last time.", RiskClass.Suicidal)]
    [InlineData("Dad doesn't know this is goodbye.", RiskClass.Suicidal)]
    [InlineData("I won't be needing my guitar much longer.", RiskClass.Suicidal)]
    [InlineData("I won't be needing these books after Friday.", RiskClass.Suicidal)]
    [InlineData("He makes her sit on his lap when her mum's at work.", RiskClass.ChildDanger)]
    [InlineData("It's the last time I'll see her.", RiskClass.Suicidal)]
    [InlineData("I know which tree.", RiskClass.Suicidal)]
    // The stance rules leave the risk they share words with.
    [InlineData("I'm going to kill him tonight, I mean it.", RiskClass.HarmToOthers)]
    [InlineData("I'll strangle her tomorrow when she gets home, haha", RiskClass.HarmToOthers)]
    [InlineData("I'll kill him if he doesn't fix the car by tomorrow.", RiskClass.HarmToOthers)]
    [InlineData("I want to die, I mean it.", RiskClass.Suicidal)]
    [InlineData("I just want to die so bad 😭", RiskClass.Suicidal)]
    [InlineData("I wanted to die after the meeting today, and I still do.", RiskClass.Suicidal)]
    [InlineData("I need to burn it off after eating all that.", RiskClass.EatingDisorder)]
    [InlineData("The scars from cutting again today are deep.", RiskClass.SelfHarm)]
    [InlineData("I keep thinking about suicide, even at work on the ward.", RiskClass.Suicidal)]
    [InlineData("The voices are back and they tell me to hurt her.", RiskClass.Voices)]
    [InlineData("I think I have anorexia.", RiskClass.EatingDisorder)]
    [InlineData("My brother taught me to make myself sick after dinner.", RiskClass.EatingDisorder)]
    public void TheRiskIsReadAsLive(string text, RiskClass live)
        => ShippedLexicon.AssertLive(text, live);

    [Theory]
    // Round fifteen's leftovers: the everyday senses spared.
    [InlineData("I know which tree we will cut down.")]
    [InlineData("We cut down the old oak by the fence.")]
    [InlineData("I won't be needing my winter boots much longer now that spring is here.")]
    [InlineData("I won't be needing my maternity jeans much longer, the baby is due next week.")]
    [InlineData("The last time I'll see him before his posting abroad is Sunday.")]
    [InlineData("It's the last time I'll see them until the summer term.")]
    [InlineData("She doesn't know it was the last time she'd see her dad.")]
    // Anger laughed off or hung on a trivial grievance or a chore; a wish to die as a joke or of a queue.
    [InlineData("gonna murder my flatmate, she finished my milk again lol")]
    [InlineData("I'll smother him with a cushion haha, he keeps stealing the remote")]
    [InlineData("I'm going to kill him if he doesn't fix the boiler, honestly")]
    [InlineData("That queue at the post office, I wanted to die.")]
    [InlineData("I wanted to die lol, the presentation froze on slide one")]
    // Anger worked off; scars talked about or covered.
    [InlineData("I was so angry I went for a run to burn it off.")]
    [InlineData("My son asked about my scars at bath time.")]
    [InlineData("I got a tattoo over the old scars on my arm.")]
    // Work: a caller's or a patient's words; someone else's story told to me; a word mentioned, not used.
    [InlineData("A caller who was thinking about suicide rang the helpline twice.")]
    [InlineData("Patient told me the voices were back so I called the doctor.")]
    [InlineData("A young dad told me about his partner controlling the money.")]
    [InlineData("Struggling to find the word for anorexia in Polish.")]
    public void AHarmlessSentenceSharingTheWordsRaisesNoAlarm(string text)
    {
        var reading = ShippedLexicon.Screen().Read(text);

        Assert.True(reading.Live == RiskClass.None, $"'{text}' should raise no alarm; read live {RiskClasses.IdOf(reading.Live)}");
    }

    [Fact]
    public void AnIrregularPastTenseThenASentenceSayingItIsOverIsPast()
    {
        var reading = ShippedLexicon.Screen().Read("My brother taught me to make myself sick after dinner. I've been recovered for years.");

        Assert.Equal(RiskClass.None, reading.Live);
        Assert.Equal(RiskClass.EatingDisorder, reading.Past);
    }
}

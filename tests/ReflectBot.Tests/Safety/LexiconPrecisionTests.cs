using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round thirteen, the lexicon's precision (evaluation README, round thirteen): harmless messages that share words
/// with risk (work and study, vented anger, small accidents, someone else's story, everyday senses, a negation's
/// quantifier) get no alarm from the lexicon, and the risk said with the same words still does. Phrasings written for
/// these tests, not lines of any labelled set.
/// </summary>
public sealed class LexiconPrecisionTests
{
    [Theory]
    // A risk word naming a field of work or study.
    [InlineData("Spent the afternoon writing the self-harm screening leaflet for the surgery.")]
    [InlineData("Our sixth formers have a lesson on coercive control next week and I am making the slides.")]
    [InlineData("Three suicide risk assessments before lunch, then a long handover.")]
    [InlineData("Busy night on the wards, an overdose came in at three and we stabilised her.")]
    // Anger vented as a wish nobody means, and a chore that has to be done once more.
    [InlineData("I could happily throttle my brother sometimes, he never replaces the milk.")]
    [InlineData("I'd rather die than sit through another wedding speech.")]
    [InlineData("If I have to fill in one more form today I'm walking into the sea.")]
    // Small accidents and their bleeding.
    [InlineData("Burnt my thumb on the oven tray, ran it under the tap.")]
    [InlineData("Caught my lip on the zip and it's bleeding a little.")]
    // Someone else's note, a character written out, someone else's voice, someone else's illness.
    [InlineData("My grandmother kept her father's suicide note in a drawer.")]
    [InlineData("Took me a month of drafts to kill her off in chapter nine.")]
    [InlineData("In the film the boy hears voices telling him to run.")]
    [InlineData("That critical voice in my head says the report is rubbish.")]
    [InlineData("My grandson's friend has anorexia and is in hospital.")]
    [InlineData("My student wrote a poem about wanting to die.")]
    [InlineData("I asked him straight out if he's thinking of suicide.")]
    // Everyday senses of risk words.
    [InlineData("I can't see a future in this company, so I'm updating my CV.")]
    [InlineData("Sick of living out of my car while the flat gets fixed.")]
    [InlineData("We picked a date for the christening.")]
    [InlineData("Overdosed on mince pies again, send help.")]
    [InlineData("Starving myself till dinner, the roast will be worth it.")]
    [InlineData("Took myself to bed early with a hot water bottle.")]
    [InlineData("Six months self-harm free today.")]
    [InlineData("The scars on my wrists are fading and today I wore a t-shirt.")]
    [InlineData("The knife my dad gave me is great for onions.")]
    // A negation whose scope holds a quantifier.
    [InlineData("I haven't had a single suicidal thought since spring.")]
    // Hoping not to wake someone else (round fourteen, after the freeze): "wake" with an object is not the writer's.
    [InlineData("I hope I don't wake the baby when I get in tonight.")]
    [InlineData("hope i don't wake up the whole house coming in this late")]
    [InlineData("Praying I don't wake my husband, he has an early start.")]
    [InlineData("If I didn't wake the kids at seven they'd sleep till lunch.")]
    [InlineData("I wish I didn't wake everyone up when I come in from nights.")]
    public void AHarmlessMessageThatSharesRiskWordsRaisesNoAlarm(string text)
    {
        var reading = Lexicon().Read(text);

        Assert.True(reading.Live == RiskClass.None, $"'{text}' should raise no alarm; read live {RiskClasses.IdOf(reading.Live)}");
    }

    [Theory]
    [InlineData("Self-harm is the only thing that gets me through the night.", RiskClass.SelfHarm)]
    [InlineData("I could strangle him tonight and I would.", RiskClass.HarmToOthers)]
    [InlineData("I'd rather die than do another week of this.", RiskClass.Suicidal)]
    [InlineData("If I have to get through one more night like this I'll kill myself.", RiskClass.Suicidal)]
    [InlineData("Cut my arm on purpose and it won't stop bleeding.", RiskClass.Attempt)]
    [InlineData("Burned my hand with a lighter again tonight.", RiskClass.SelfHarm)]
    [InlineData("I've written my suicide note and it's on the desk.", RiskClass.Suicidal)]
    [InlineData("A voice in my head keeps telling me to jump.", RiskClass.Voices)]
    [InlineData("The voices are telling me to hurt my sister.", RiskClass.Voices)]
    [InlineData("I think I have anorexia again and I've stopped eating.", RiskClass.EatingDisorder)]
    [InlineData("I'm thinking of suicide again.", RiskClass.Suicidal)]
    [InlineData("I want to die.", RiskClass.Suicidal)]
    [InlineData("I can't see a future for myself at all.", RiskClass.Suicidal)]
    [InlineData("I'm tired of living.", RiskClass.Suicidal)]
    [InlineData("I've picked a date and I've told no one.", RiskClass.Suicidal)]
    [InlineData("I'm starving myself until I'm under seven stone.", RiskClass.EatingDisorder)]
    [InlineData("I self-harmed again last night.", RiskClass.SelfHarm)]
    [InlineData("Cutting again tonight.", RiskClass.SelfHarm)]
    [InlineData("I want to knife my neighbour.", RiskClass.HarmToOthers)]
    [InlineData("I've had a suicidal thought every hour today.", RiskClass.Suicidal)]
    [InlineData("I hope I don't wake up tomorrow.", RiskClass.Suicidal)]
    [InlineData("honestly hoping i never wake up", RiskClass.Suicidal)]
    [InlineData("Praying that I don't wake up this time.", RiskClass.Suicidal)]
    [InlineData("It would be easier if I just didn't wake up.", RiskClass.Suicidal)]
    public void TheRiskSaidWithTheSameWordsStillRaisesIt(string text, RiskClass live)
        => ShippedLexicon.AssertLive(text, live);

    private static RiskScreen Lexicon() => ShippedLexicon.Screen();
}

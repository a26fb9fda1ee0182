using ReflectBot.Content;
using ReflectBot.Safety;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// Round fifteen (evaluation README, round fifteen): round fourteen's leftovers in the lexicon (a small child throwing
/// things, an adverb before "into his account", the everyday senses of "tonight's the night", "which tree" and "go through
/// with it", "make it" with an object, one guard for the not-waking wishes), and the phrase families added for risk the
/// lexicon alone missed. Each family both ways: a risk sentence it now reads, a harmless one that shares its words and
/// stays quiet. Phrasings written for these tests, not lines of any labelled set or of examples.yaml.
/// </summary>
public sealed class LexiconRoundFifteenTests
{
    [Theory]
    // Round fourteen's leftovers: the risk senses kept.
    [InlineData("She threw a plate at my head last night.", RiskClass.Abuse)]
    [InlineData("My pension goes straight into her account every month.", RiskClass.Abuse)]
    [InlineData("Tonight's the night. I've left the letters on the table.", RiskClass.Suicidal)]
    [InlineData("I know which tree in the woods.", RiskClass.Suicidal)]
    [InlineData("I'm going to go through with it tonight.", RiskClass.Suicidal)]
    [InlineData("I hope I don't make it to the weekend.", RiskClass.Suicidal)]
    [InlineData("I pray I never wake up again.", RiskClass.Suicidal)]
    [InlineData("I wish I'd never woken up today.", RiskClass.Suicidal)]
    // Suicidal risk said indirectly: affairs in order, things given away, goodbyes, not being around.
    [InlineData("Made a list for my sister of who gets the car and the cat.", RiskClass.Suicidal)]
    [InlineData("Every weekend I give away more of my things and nobody asks why.", RiskClass.Suicidal)]
    [InlineData("Cancelled my phone contract this morning and paid off the overdraft so nobody inherits a mess.", RiskClass.Suicidal)]
    [InlineData("Wrote my brother a note telling him where the life insurance papers are.", RiskClass.Suicidal)]
    [InlineData("I won't be needing any of it after this week.", RiskClass.Suicidal)]
    [InlineData("I doubt I'll still be around when my sister gets back from Canada.", RiskClass.Suicidal)]
    [InlineData("I don't plan on coming back from the walk tonight.", RiskClass.Suicidal)]
    [InlineData("I mean gone forever, not on a holiday.", RiskClass.Suicidal)]
    // Sleep not woken from, a wish to be dead said another way, a decision.
    [InlineData("I want the kind of sleep nobody wakes you from.", RiskClass.Suicidal)]
    [InlineData("I'd like to fall asleep one night and stay that way.", RiskClass.Suicidal)]
    [InlineData("Death doesn't frighten me now, I'd welcome it.", RiskClass.Suicidal)]
    [InlineData("Honestly I'd be better off dead.", RiskClass.Suicidal)]
    [InlineData("There's no point in me staying alive any more.", RiskClass.Suicidal)]
    [InlineData("I think I might help things along myself soon.", RiskClass.Suicidal)]
    [InlineData("I've made up my mind to end things after the wedding.", RiskClass.Suicidal)]
    // Means watched, gathered or ready.
    [InlineData("Went to two different chemists so nobody would notice how many I was buying.", RiskClass.Suicidal)]
    [InlineData("I'm keeping my sleeping tablets in a tin instead of taking them.", RiskClass.Suicidal)]
    [InlineData("The beam in the garage will hold my weight, I checked.", RiskClass.Suicidal)]
    [InlineData("I keep thinking about stepping in front of the tram.", RiskClass.Suicidal)]
    [InlineData("I keep wishing the bus would hit me on the way home.", RiskClass.Suicidal)]
    // Attempts told plainly.
    [InlineData("I've taken my whole box of sertraline with half a bottle of gin.", RiskClass.Attempt)]
    [InlineData("There's a lot of blood and it won't stop.", RiskClass.Attempt)]
    [InlineData("The cord's tied to the banister already.", RiskClass.Attempt)]
    // Self-harm: a habit, the marks blamed or hidden, a hurting act with its intent.
    [InlineData("I've been cutting my thighs every night since the exams.", RiskClass.SelfHarm)]
    [InlineData("Mum thinks the scratches on my arms are from the kitten.", RiskClass.SelfHarm)]
    [InlineData("I burned my wrist with the lighter on purpose.", RiskClass.SelfHarm)]
    [InlineData("The new cuts are on my hips this time so nobody notices.", RiskClass.SelfHarm)]
    // Abuse and coercive control.
    [InlineData("He makes me send him a selfie every hour to prove where I am.", RiskClass.Abuse)]
    [InlineData("She checks every receipt and reads all my texts.", RiskClass.Abuse)]
    [InlineData("He keeps my bank card and my passport in his drawer.", RiskClass.Abuse)]
    [InlineData("He said he'd break my jaw if I went to my sister's.", RiskClass.Abuse)]
    [InlineData("She's stopped me from seeing my friends.", RiskClass.Abuse)]
    // Voices without the word, eating disorders, harm to others, a child in danger.
    [InlineData("The whispering keeps telling me to burn my hands.", RiskClass.Voices)]
    [InlineData("My head keeps saying jump whenever I'm on the platform.", RiskClass.Voices)]
    [InlineData("Day five of eating nothing but black coffee.", RiskClass.EatingDisorder)]
    [InlineData("I do 200 squats after anything I eat.", RiskClass.EatingDisorder)]
    [InlineData("I've been sitting outside his house with a hammer in the car.", RiskClass.HarmToOthers)]
    [InlineData("I'm going to put his sleeping pills in his tea.", RiskClass.HarmToOthers)]
    [InlineData("My ex drives the kids home after drinking all afternoon.", RiskClass.ChildDanger)]
    [InlineData("My boyfriend hit my baby for crying.", RiskClass.ChildDanger)]
    [InlineData("my uncle makes her sit on his lap and keep secrets", RiskClass.ChildDanger)]
    public void TheRiskIsReadAsLive(string text, RiskClass live)
        => ShippedLexicon.AssertLive(text, live);

    [Theory]
    // Round fourteen's leftovers: the everyday senses spared.
    [InlineData("My little boy threw his beaker at my face at teatime.")]
    [InlineData("My three year old chucked a bowl at my head, she was tired.")]
    [InlineData("Tonight's the night we finally sign for the house.")]
    [InlineData("Tonight's the night of the quiz final, fingers crossed.")]
    [InlineData("Tonight's the night I tell my boss I'm leaving.")]
    [InlineData("I know which beam is load-bearing now, the surveyor came.")]
    [InlineData("I know which tree we'll plant by the gate.")]
    [InlineData("We're going through with it and buying the flat on Friday.")]
    [InlineData("I got the job offer and I'm going to go through with it.")]
    [InlineData("I hope I don't make it a habit, two puddings a day.")]
    [InlineData("I hope I don't make it weird at the reunion.")]
    [InlineData("Hoping I don't wake my flatmate when I get in from my shift.")]
    [InlineData("I hope I don't wake up with a stiff neck.")]
    [InlineData("if I didn't wake my girlfriend it'd be a miracle")]
    // The new families' words in everyday sentences.
    [InlineData("We're giving away most of our things before the move to Spain.")]
    [InlineData("Made a list of who gets what for Secret Santa.")]
    [InlineData("We cancelled the gym and paid off the car loan, feeling sensible.")]
    [InlineData("I don't plan on coming back from holiday until September.")]
    [InlineData("I won't be around when you get back, I'm at my mum's.")]
    [InlineData("The kind of rest I need is a week in Cornwall.")]
    [InlineData("I'd welcome it if the rain stopped.")]
    [InlineData("I've made up my mind to end things with Tom after the wedding.")]
    [InlineData("The beam will hold the new roof, the builder says.")]
    [InlineData("Picked the 14th for our anniversary dinner.")]
    [InlineData("Took my antibiotics with a glass of water.")]
    [InlineData("I'm cutting my hair short tonight.")]
    [InlineData("He keeps his bank card in his wallet.")]
    [InlineData("She checks the receipts for the office.")]
    [InlineData("He stopped me from making a terrible investment.")]
    [InlineData("The whispering in the library is driving me mad.")]
    [InlineData("My head keeps saying I should get a fringe.")]
    [InlineData("My coach keeps telling me to push harder.")]
    [InlineData("I do 20 squats after lunch for my knee.")]
    [InlineData("Sitting outside the cafe with my friend in the sun.")]
    [InlineData("I'm going to put sugar in his tea.")]
    [InlineData("Our little one sat on grandad's lap for the photos.")]
    public void AHarmlessSentenceSharingTheWordsRaisesNoAlarm(string text)
    {
        var reading = ShippedLexicon.Screen().Read(text);

        Assert.True(reading.Live == RiskClass.None, $"'{text}' should raise no alarm; read live {RiskClasses.IdOf(reading.Live)}");
    }
}

using Microsoft.Bot.Schema;
using ReflectBot.Content;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>The safety feature's own words come from dialogs/strings/safety.yaml.</summary>
public sealed class SafetyStringsTests
{
    private static readonly ContentLibrary Shipped = ContentLibrary.Load(ContentFolders.Shipped);

    private static (SafetyReplies Replies, CrisisResources Resources) Safety(string folder)
    {
        var errors = new List<ContentError>();
        var (_, resources, replies, _) = SafetyContent.Load(folder, errors);
        Assert.Empty(errors);
        return (replies!, resources!);
    }

    [Fact]
    public void TheLinesOfARegionReadAsOnePhraseAndWithoutARegionTheDirectoryAndLocalEmergencyNumberAreNamed()
    {
        var (_, resources) = Safety(ContentFolders.Shipped);
        const string text = "Reach {lines}, or call {emergency}.";

        Assert.Equal("Reach Samaritans (116 123) and Shout (85258), or call 999.", CrisisReply.Fill(text, Shipped.Strings, resources, resources.ById("GB"), RiskClass.Suicidal));
        Assert.Equal("Reach Samaritans (116 123), Shout (85258) and National Domestic Abuse Helpline (Refuge) (0808 2000 247), or call 999.", CrisisReply.Fill(text, Shipped.Strings, resources, resources.ById("GB"), RiskClass.Abuse));
        Assert.Equal(
            $"Reach a crisis line in your country ({resources.Fallback.Name}, {resources.Fallback.Url}, lists them), or call your local emergency number.",
            CrisisReply.Fill(text, Shipped.Strings, resources, null, RiskClass.Suicidal));
    }

    [Fact]
    public void TheCrisisCardSaysWhatSafetyYamlSays()
    {
        var yaml = File.ReadAllText(Path.Combine(ContentFolders.Shipped, "strings", "safety.yaml"));
        var edited = yaml.Replace("\ncardAskRegion: ", "\ncardAskRegion: Which country are you in? Or, as before, ", StringComparison.Ordinal);
        Assert.NotEqual(yaml, edited);
        var folder = ContentFolders.With(("strings/safety.yaml", edited));
        var strings = ContentLibrary.Load(folder).Strings;
        var (replies, resources) = Safety(folder);

        var card = (HeroCard)((IMessageActivity)CrisisReply.Card(RiskClass.Suicidal, replies, strings, resources, null)).Attachments[0].Content;
        var regional = (HeroCard)((IMessageActivity)CrisisReply.Card(RiskClass.Suicidal, replies, strings, resources, resources.ById("GB"))).Attachments[0].Content;

        Assert.Contains("Which country are you in? Or, as before, Tell me where you are", card.Text, StringComparison.Ordinal);
        Assert.StartsWith("Free, confidential support in the United Kingdom:\n\nSamaritans: ", regional.Text, StringComparison.Ordinal);
        Assert.Contains("\n\nIn an emergency call 999.\n\n" + replies.NotEmergency, regional.Text, StringComparison.Ordinal);
        Assert.Equal(replies.CardTitle, regional.Title);
    }

    [Fact]
    public void ASafetyPlanReadsBackInTheJourneysOrderUnderTheContentsHeadingsLeavingOutSkippedSections()
    {
        var plan = new JournalEntry
        {
            JourneyId = SafetyPlan.JourneyId,
            Answers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["reasons-for-living"] = "my dog Pepper ",
                ["coping-alone"] = "skip",
                ["warning-signs"] = "not sleeping",
            },
        };

        Assert.Equal(
            "Your safety plan:\n\n**My warning signs**\nnot sleeping\n\n**My reasons for living**\nmy dog Pepper",
            SafetyPlan.Render(plan, Shipped.Strings));
    }

    [Fact]
    public void EverySectionOfThePlanIsAStepOfTheSafetyPlanJourneyAndEveryStepHasASection()
    {
        var journey = Shipped.Journeys.Find(SafetyPlan.JourneyId);
        Assert.NotNull(journey);
        Assert.Equal(journey.Steps.Select(s => s.Id).Order(StringComparer.Ordinal), SafetyPlan.Sections.Select(s => s.StepId).Order(StringComparer.Ordinal));
    }
}

using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class PersistenceTests
{
    /// <summary>Name (text) → check-in component (scale) → save? (confirm), with values carried throughout.</summary>
    private static ComponentDialog Journey()
    {
        var root = new ComponentDialog("evening-reflection");
        root.AddDialog(new WaterfallDialog("steps", [
            (step, cancellationToken) => step.PromptAsync("name", new PromptOptions { Prompt = "What's your name?" }, cancellationToken),
            (step, cancellationToken) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.BeginDialogAsync("check-in", null, cancellationToken);
            },
            (step, cancellationToken) =>
            {
                step.Values["stress"] = (int)step.Result!;
                return step.PromptAsync("save", new PromptOptions { Prompt = $"Save a {step.Result} for {step.Values["name"]}?" }, cancellationToken);
            },
            async (step, cancellationToken) =>
            {
                var outcome = step.Result is true ? "Saved" : "Not saved";
                await step.Context.SendActivityAsync($"{outcome}: {step.Values["name"]}, {step.Values["stress"]}", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            },
        ]));
        root.AddDialog(new TextPrompt("name", Wording.English)).AddDialog(new CheckIn()).AddDialog(new ConfirmPrompt("save", Wording.English));
        return root;
    }

    [Fact]
    public async Task JourneyContinuesAtTheRightStepAfterEveryRestart()
    {
        var bot = new RestartingBot(Journey);
        await bot.TurnAsync("hi", "What's your name?");
        await bot.TurnAsync("Sam", CheckIn.Question);
        await bot.TurnAsync("11", "Please answer with a whole number from 0 to 10 (0 = calm, 10 = overwhelmed).");
        await bot.TurnAsync("7 out of 10", "Save a 7 for Sam?");
        await bot.TurnAsync("yes", "Saved: Sam, 7");
        await bot.TurnAsync("hello again", "What's your name?");
    }

    [Fact]
    public async Task PromptOptionsSurviveARestartForTheRetry()
    {
        var bot = new RestartingBot(() => new AskOnce(
            new ChoicePrompt("topic", Wording.English),
            new PromptOptions { Prompt = "Which?", Choices = [new("Work"), new("Sleep", ["tired"])], RetryPrompt = "Work or sleep?" },
            result => $"Picked {((Choices.FoundChoice)result!).Value}"));
        await bot.TurnAsync("hi", "Which?");
        await bot.TurnAsync("the weather", "Work or sleep?");
        await bot.TurnAsync("so tired", "Picked Sleep");
    }

    [Fact]
    public async Task WaitingScalePromptInsideAComponentInsideAWaterfallIsStoredSmallAndWithoutTypeNames()
    {
        var bot = new RestartingBot(Journey);
        await bot.TurnAsync("hi", "What's your name?");
        await bot.TurnAsync("Sam", CheckIn.Question);

        var json = bot.StoredJson;
        Assert.True(json.Length < 2048, $"Stored state is {json.Length} characters: {json}");
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("suggestedActions", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"stress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Sam\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StackNamingARetiredJourneyStartsOverInsteadOfFailingEveryTurn()
    {
        var bot = new RestartingBot(Journey);
        await bot.TurnAsync("hi", "What's your name?");

        bot.BuildRoot = () => new AskOnce(new TextPrompt("q", Wording.English), new PromptOptions { Prompt = "New journey: what's up?" }, r => $"Heard {r}");
        await bot.TurnAsync("Sam", RestartingBot.LostPlace, "New journey: what's up?");
        await bot.TurnAsync("work", "Heard work");
        Assert.Equal(["evening-reflection"], bot.MissingDialogs);
    }

    [Fact]
    public async Task StackNamingARemovedInnerDialogThrowsDialogNotFound()
    {
        var bot = new RestartingBot(Journey);
        await bot.TurnAsync("hi", "What's your name?");
        await bot.TurnAsync("Sam", CheckIn.Question);

        // The next deployment renamed the check-in component inside the same journey.
        bot.BuildRoot = () =>
        {
            var renamed = new ComponentDialog("evening-reflection");
            renamed.AddDialog(new WaterfallDialog("steps", [(step, cancellationToken) => step.EndDialogAsync(null, cancellationToken)]));
            renamed.AddDialog(new CheckIn("check-in-v2"));
            return renamed;
        };
        await bot.TurnAsync("7", RestartingBot.LostPlace);
        Assert.Equal(["check-in"], bot.MissingDialogs);
    }
}

using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class ComponentDialogTests
{
    /// <summary>root (interruptible) → main waterfall → journey component → its waterfall → check-in component → scale.</summary>
    private static Interruptible Journey()
    {
        var journey = new ComponentDialog("journey");
        journey.AddDialog(new WaterfallDialog("journey-steps", [
            (step, cancellationToken) => step.PromptAsync("name", new PromptOptions { Prompt = "What's your name?" }, cancellationToken),
            (step, cancellationToken) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.BeginDialogAsync("check-in", null, cancellationToken);
            },
            (step, cancellationToken) => step.EndDialogAsync($"{step.Values["name"]} at {step.Result}", cancellationToken),
        ]));
        journey.AddDialog(new TextPrompt("name", Wording.English)).AddDialog(new CheckIn());

        var root = new Interruptible();
        root.AddDialog(new WaterfallDialog("main", [
            (step, cancellationToken) => step.BeginDialogAsync("journey", null, cancellationToken),
            async (step, cancellationToken) =>
            {
                await step.Context.SendActivityAsync($"Thanks: {step.Result}", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            },
        ]));
        root.AddDialog(journey);
        return root;
    }

    [Fact]
    public Task NestedComponentResumesTheParentWaterfallWithItsResult()
        => TestBot.Flow(Journey())
            .Send("hi").AssertReply("What's your name?")
            .Send("Sam").AssertReply(CheckIn.Question)
            .Send("seven").AssertReply("Thanks: Sam at 7")
            .StartTestAsync();

    [Fact]
    public Task HelpInterruptsAndTheNestedPromptIsAskedAgain()
        => TestBot.Flow(Journey())
            .Send("hi").AssertReply("What's your name?")
            .Send("Sam").AssertReply(CheckIn.Question)
            .Send("help").AssertReply(Interruptible.Help).AssertReply(CheckIn.Question)
            .Send("4").AssertReply("Thanks: Sam at 4")
            .StartTestAsync();

    [Fact]
    public Task HelpDuringTheFirstQuestionAsksItAgain()
        => TestBot.Flow(Journey())
            .Send("hi").AssertReply("What's your name?")
            .Send("help").AssertReply(Interruptible.Help).AssertReply("What's your name?")
            .Send("Sam").AssertReply(CheckIn.Question)
            .StartTestAsync();

    [Fact]
    public Task StopCancelsEveryDialogInsideAndTheNextMessageStartsOver()
        => TestBot.Flow(Journey())
            .Send("hi").AssertReply("What's your name?")
            .Send("Sam").AssertReply(CheckIn.Question)
            .Send("stop").AssertReply(Interruptible.Stopping).AssertReply("(check-in cancelled)")
            .Send("hello").AssertReply("What's your name?")
            .StartTestAsync();

    [Fact]
    public Task StopBeforeAnythingNestedStartsOverToo()
        => TestBot.Flow(Journey())
            .Send("hi").AssertReply("What's your name?")
            .Send("stop").AssertReply(Interruptible.Stopping)
            .Send("hello").AssertReply("What's your name?")
            .StartTestAsync();

    [Fact]
    public Task HelpRepeatsAPromptTheInnerComponentBorrowsFromTheRootSet()
    {
        // The inner component has no prompt of its own: it uses the one the root registered.
        var inner = new ComponentDialog("inner");
        inner.AddDialog(new WaterfallDialog("inner-steps", [
            (step, cancellationToken) => step.PromptAsync("shared-text", new PromptOptions { Prompt = "One word for today?" }, cancellationToken),
            (step, cancellationToken) => step.EndDialogAsync(step.Result, cancellationToken),
        ]));
        var root = new Interruptible();
        root.AddDialog(new WaterfallDialog("main", [
            (step, cancellationToken) => step.BeginDialogAsync("inner", null, cancellationToken),
            async (step, cancellationToken) =>
            {
                await step.Context.SendActivityAsync($"Today was {step.Result}", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            },
        ]));
        root.AddDialog(inner).AddDialog(new TextPrompt("shared-text", Wording.English));

        return TestBot.Flow(root)
            .Send("hi").AssertReply("One word for today?")
            .Send("help").AssertReply(Interruptible.Help).AssertReply("One word for today?")
            .Send("calm").AssertReply("Today was calm")
            .StartTestAsync();
    }
}

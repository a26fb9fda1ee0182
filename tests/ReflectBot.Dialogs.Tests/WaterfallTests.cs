using Newtonsoft.Json;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class WaterfallTests
{
    private sealed record Greeting([property: JsonProperty("name")] string? Name);

    /// <summary>Asks the user's name unless the options already give it, says hello, and ends with the name.</summary>
    private static WaterfallDialog Greet() => new("greet", [
        (step, cancellationToken) => step.GetOptions<Greeting>()?.Name is { } known
            ? step.NextAsync(known, cancellationToken)
            : step.PromptAsync("name", new PromptOptions { Prompt = "What's your name?" }, cancellationToken),
        async (step, cancellationToken) =>
        {
            await step.Context.SendActivityAsync($"Hello {step.Result}", cancellationToken: cancellationToken);
            return await step.EndDialogAsync(step.Result, cancellationToken);
        },
    ]);

    private static ComponentDialog GreetThenReport(Greeting? options)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main", [
            (step, cancellationToken) => step.BeginDialogAsync("greet", options, cancellationToken),
            async (step, cancellationToken) =>
            {
                await step.Context.SendActivityAsync($"Greeting ended with {step.Result}", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            },
        ]));
        root.AddDialog(Greet());
        root.AddDialog(new TextPrompt("name", Wording.English));
        return root;
    }

    [Fact]
    public Task ValuesCollectedInOneTurnAreThereInTheNext()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main", [
            (step, cancellationToken) => step.PromptAsync("name", new PromptOptions { Prompt = "What's your name?" }, cancellationToken),
            (step, cancellationToken) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.PromptAsync("topic", new PromptOptions { Prompt = $"What's on your mind, {step.Values["name"]}?" }, cancellationToken);
            },
            (step, cancellationToken) =>
            {
                step.Values["topic"] = (string)step.Result!;
                return step.PromptAsync("stress", new PromptOptions { Prompt = "And how stressed, 0 to 10?" }, cancellationToken);
            },
            async (step, cancellationToken) =>
            {
                await step.Context.SendActivityAsync($"{step.Values["name"]}: {step.Values["topic"]}, stress {step.Result}", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            },
        ]));
        root.AddDialog(new TextPrompt("name", Wording.English)).AddDialog(new TextPrompt("topic", Wording.English)).AddDialog(new ScalePrompt("stress", Wording.English));

        return TestBot.Flow(root)
            .Send("hi").AssertReply("What's your name?")
            .Send("Sam").AssertReply("What's on your mind, Sam?")
            .Send("work").AssertReply("And how stressed, 0 to 10?")
            .Send("6").AssertReply("Sam: work, stress 6")
            .StartTestAsync();
    }

    [Fact]
    public Task OptionsGivenToBeginDialogReachItsSteps()
        => TestBot.Flow(GreetThenReport(new Greeting("Sam")))
            .Send("hi").AssertReply("Hello Sam")
            .StartTestAsync();

    [Fact]
    public Task NextAsyncSkipsTheQuestionWhoseAnswerIsKnown()
        => TestBot.Flow(GreetThenReport(new Greeting("Sam")))
            .Send("hi").AssertReply("Hello Sam").AssertReply("Greeting ended with Sam")
            .StartTestAsync();

    [Fact]
    public Task WithoutOptionsTheWaterfallAsks()
        => TestBot.Flow(GreetThenReport(null))
            .Send("hi").AssertReply("What's your name?")
            .Send("Alex").AssertReply("Hello Alex").AssertReply("Greeting ended with Alex")
            .StartTestAsync();

    [Fact]
    public Task EndDialogResultIsHandedToTheParentsNextStep()
        => TestBot.Flow(GreetThenReport(null))
            .Send("hi").AssertReply("What's your name?")
            .Send("  Robin ").AssertReply("Hello Robin").AssertReply("Greeting ended with Robin")
            .StartTestAsync();

    [Fact]
    public Task ReplaceDialogStartsTheLoopAgainWithFreshValues()
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main", [
            (step, cancellationToken) => step.BeginDialogAsync("log", null, cancellationToken),
            async (step, cancellationToken) =>
            {
                await step.Context.SendActivityAsync($"Bye ({step.Result})", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            },
        ]));
        root.AddDialog(new WaterfallDialog("log", [
            (step, cancellationToken) => step.PromptAsync("stress", new PromptOptions { Prompt = "Score?" }, cancellationToken),
            (step, cancellationToken) =>
            {
                var earlier = step.Values["score"]?.ToString() ?? "none";
                step.Values["score"] = (int)step.Result!;
                return step.PromptAsync("again", new PromptOptions { Prompt = $"Logged {step.Result} (earlier: {earlier}). Another?" }, cancellationToken);
            },
            (step, cancellationToken) => step.Result is true
                ? step.ReplaceDialogAsync("log", null, cancellationToken)
                : step.EndDialogAsync("done", cancellationToken),
        ]));
        root.AddDialog(new ScalePrompt("stress", Wording.English)).AddDialog(new ConfirmPrompt("again", Wording.English));

        return TestBot.Flow(root)
            .Send("hi").AssertReply("Score?")
            .Send("3").AssertReply("Logged 3 (earlier: none). Another?")
            .Send("yes").AssertReply("Score?")
            .Send("5").AssertReply("Logged 5 (earlier: none). Another?")
            .Send("no").AssertReply("Bye (done)")
            .StartTestAsync();
    }

    [Fact]
    public Task AfterTheRootEndsTheNextMessageStartsAgain()
        => TestBot.Flow(GreetThenReport(new Greeting("Sam")))
            .Send("hi").AssertReply("Hello Sam").AssertReply("Greeting ended with Sam")
            .Send("hi again").AssertReply("Hello Sam").AssertReply("Greeting ended with Sam")
            .StartTestAsync();
    /// <summary>Name, then topic; "go back" as the topic asks the name again, the way a journey's "previous question" does.</summary>
    private static ComponentDialog NameThenTopic(Action<Exception>? onMisuse = null)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("main", [
            (step, cancellationToken) => step.PromptAsync("name", new PromptOptions { Prompt = "What's your name?" }, cancellationToken),
            (step, cancellationToken) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.PromptAsync("topic", new PromptOptions { Prompt = $"What's on your mind, {step.Values["name"]}?" }, cancellationToken);
            },
            async (step, cancellationToken) =>
            {
                if ((string)step.Result! != "go back")
                {
                    await step.Context.SendActivityAsync($"{step.Values["name"]}: {step.Result}", cancellationToken: cancellationToken);
                    return await step.EndDialogAsync(null, cancellationToken);
                }

                if (onMisuse is not null)
                {
                    foreach (var misuse in new Func<Task>[] { () => step.GoToAsync(3, cancellationToken), () => step.GoToAsync(-1, cancellationToken) })
                    {
                        onMisuse(await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(misuse));
                    }
                }

                step.Values.Remove("name");
                var result = await step.GoToAsync(0, cancellationToken);
                if (onMisuse is not null)
                {
                    onMisuse(await Assert.ThrowsAsync<InvalidOperationException>(() => step.NextAsync(null, cancellationToken)));
                }

                return result;
            },
        ]));
        root.AddDialog(new TextPrompt("name", Wording.English)).AddDialog(new TextPrompt("topic", Wording.English));
        return root;
    }

    [Fact]
    public Task GoToAnEarlierStepAsksItsQuestionAgainAndTheWaterfallGoesOnFromThere()
        => TestBot.Flow(NameThenTopic())
            .Send("hi").AssertReply("What's your name?")
            .Send("Sma").AssertReply("What's on your mind, Sma?")
            .Send("go back").AssertReply("What's your name?")
            .Send("Sam").AssertReply("What's on your mind, Sam?")
            .Send("work").AssertReply("Sam: work")
            .StartTestAsync();

    [Fact]
    public async Task GoToRefusesAStepOutsideTheWaterfallAndASecondMoveFromTheSameStep()
    {
        var refused = new List<Exception>();
        await TestBot.Flow(NameThenTopic(refused.Add))
            .Send("hi").AssertReply("What's your name?")
            .Send("Sam").AssertReply("What's on your mind, Sam?")
            .Send("go back").AssertReply("What's your name?")
            .StartTestAsync();
        Assert.Equal(3, refused.Count);
        Assert.Contains("already called", refused[2].Message, StringComparison.Ordinal);
    }
}

using Newtonsoft.Json.Linq;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

/// <summary>
/// <see cref="PromptState.OpenQuestion"/> reads, from the dialog stack as it is stored, the question the person was
/// last asked: through a component's inner stack, and nothing when no prompt waits or the stored stack is malformed.
/// </summary>
public class PromptStateTests
{
    /// <summary>A component: a text prompt, then a check-in component (its own scale prompt) one level further down.</summary>
    private static ComponentDialog Journey()
    {
        var root = new ComponentDialog("reflection");
        root.AddDialog(new WaterfallDialog("steps", [
            (step, cancellationToken) => step.PromptAsync("name", new PromptOptions { Prompt = "What's your name?" }, cancellationToken),
            (step, cancellationToken) => step.BeginDialogAsync("check-in", null, cancellationToken),
            (step, cancellationToken) => step.EndDialogAsync(null, cancellationToken),
        ]));
        root.AddDialog(new TextPrompt("name", Wording.English)).AddDialog(new CheckIn());
        return root;
    }

    private static DialogState Stored(RestartingBot bot)
        => JObject.Parse(bot.StoredJson)[nameof(DialogState)]?.ToObject<DialogState>() ?? new DialogState();

    [Fact]
    public async Task TheOpenQuestionIsReadFromTheStoredStackAtEveryDepth()
    {
        var bot = new RestartingBot(Journey);
        await bot.TurnAsync("hi", "What's your name?");
        Assert.Equal("What's your name?", PromptState.OpenQuestion(Stored(bot)));

        await bot.TurnAsync("Sam", CheckIn.Question);
        Assert.Equal(CheckIn.Question, PromptState.OpenQuestion(Stored(bot)));

        await bot.TurnAsync("7");
        Assert.Null(PromptState.OpenQuestion(Stored(bot)));
    }

    [Fact]
    public void NoStackOrAStackWithoutAPromptHasNoOpenQuestion()
    {
        Assert.Null(PromptState.OpenQuestion(null));
        Assert.Null(PromptState.OpenQuestion(new DialogState()));
        Assert.Null(PromptState.OpenQuestion(new DialogState([new DialogInstance("waterfall", new JObject { ["stepIndex"] = 2 })])));

        // Options without a question, and an inner stack stored as something other than an object, are read as nothing.
        Assert.Null(PromptState.OpenQuestion(new DialogState([new DialogInstance("prompt", new JObject { ["options"] = new JObject { ["maxAttempts"] = 3 } })])));
        Assert.Null(PromptState.OpenQuestion(new DialogState([new DialogInstance("component", new JObject { ["dialogs"] = "not a stack" })])));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(12)]
    public void APromptUnderManyComponentsIsFoundAndAStackEndingWithoutOneGivesNothing(int depth)
    {
        static JObject Stack(JObject top) => new() { ["dialogStack"] = new JArray(top) };
        JObject Nested(JObject innermost)
        {
            var stack = Stack(innermost);
            for (var i = 0; i < depth; i++)
            {
                stack = Stack(new JObject { ["id"] = $"component-{i}", ["state"] = new JObject { ["dialogs"] = stack } });
            }

            return stack;
        }

        var prompt = new JObject { ["id"] = "prompt", ["state"] = new JObject { ["options"] = new JObject { ["prompt"] = "Who comforted you?" } } };
        var waterfall = new JObject { ["id"] = "waterfall", ["state"] = new JObject { ["stepIndex"] = 1 } };
        Assert.Equal("Who comforted you?", PromptState.OpenQuestion(Nested(prompt).ToObject<DialogState>()));
        Assert.Null(PromptState.OpenQuestion(Nested(waterfall).ToObject<DialogState>()));
    }
}

using Microsoft.Bot.Schema;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Dialogs.Tests.Support;

namespace ReflectBot.Dialogs.Tests;

public class ScalePromptTests
{
    private const string Question = "How stressed do you feel right now?";

    private static AskOnce AskForStress() => new(
        new ScalePrompt("stress", Wording.English),
        new PromptOptions { Prompt = Question, Scale = new ScaleRange(0, 10, "calm", "overwhelmed") },
        result => $"Stress: {result}");

    [Theory]
    [InlineData("7", 7)]
    [InlineData("seven", 7)]
    [InlineData("7/10", 7)]
    [InlineData("7 out of 10", 7)]
    [InlineData("seven out of ten", 7)]
    [InlineData("about a seven", 7)]
    [InlineData("0", 0)]
    [InlineData("10", 10)]
    public Task ScaleAcceptsAScoreHoweverItIsWritten(string userSays, int score)
        => TestBot.Flow(AskForStress())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply($"Stress: {score}")
            .StartTestAsync();

    [Theory]
    [InlineData("en-us")]
    [InlineData("en-gb")]
    [InlineData("fr-fr")]
    [InlineData("de-de")]
    [InlineData("es-es")]
    [InlineData("pt-br")]
    [InlineData("nl-nl")]
    public void ABareNumberIsReadAsTheNumberRecognizerReadsIt(string culture)
    {
        // ScalePrompt reads a bare number without the recognizer; this holds it to the recognizer's answer.
        var range = new ScaleRange(0, 9999);
        var numbers = Enumerable.Range(0, 130).Concat(Enumerable.Range(0, 60).Select(i => 130 + (i * 163))).Append(9999);
        foreach (var n in numbers)
        {
            foreach (var text in new[] { n.ToString(System.Globalization.CultureInfo.InvariantCulture), $" {n}\n" })
            {
                var expected = Microsoft.Recognizers.Text.Number.NumberRecognizer.RecognizeNumber(text, culture)
                    .Select(r => Convert.ToDouble(r.Resolution["value"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal([n], expected);
                var read = ScalePrompt.Recognize(text, range, culture);
                Assert.True(read.Succeeded, $"'{text}' in {culture}");
                Assert.Equal(n, read.Value);
            }
        }
    }

    [Fact]
    public Task ScaleAcceptsSevenOutOfTen()
        => TestBot.Flow(AskForStress())
            .Send("hi").AssertReply(Question)
            .Send("7 out of 10").AssertReply("Stress: 7")
            .StartTestAsync();

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("7.5")]
    [InlineData("3 or 8")]
    [InlineData("7/5")]
    public Task ScaleRejectsAnAnswerOffTheScaleAndStatesTheRange(string userSays)
        => TestBot.Flow(AskForStress())
            .Send("hi").AssertReply(Question)
            .Send(userSays).AssertReply(retry =>
            {
                Assert.Contains("0 to 10", retry.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Contains("0 = calm, 10 = overwhelmed", retry.AsMessageActivity().Text, StringComparison.Ordinal);
            })
            .Send("4").AssertReply("Stress: 4")
            .StartTestAsync();

    [Fact]
    public Task ScaleAsksBackWhichOfTwoNeighbouringPointsIsCloserAndTakesTheAnswer()
        => TestBot.Flow(AskForStress())
            .Send("hi").AssertReply(Question)
            .Send("3 or 4").AssertReply(retry =>
            {
                Assert.StartsWith("Somewhere between 3 and 4", retry.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Equal(["3", "4"], retry.AsMessageActivity().SuggestedActions.Actions.Select(a => a.Title));
            })
            .Send("4").AssertReply("Stress: 4")
            .StartTestAsync();

    [Fact]
    public Task ScaleOffersEveryNumberAsSuggestedActionsOnTheTestChannel()
        => TestBot.Flow(AskForStress())
            .Send("hi").AssertReply(question =>
            {
                var actions = question.AsMessageActivity().SuggestedActions?.Actions;
                Assert.NotNull(actions);
                Assert.Equal(Enumerable.Range(0, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), actions.Select(a => a.Title));
                Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            })
            .StartTestAsync();

    [Fact]
    public Task ScaleOffersNoButtonsOnAChannelThatCannotShowThem()
        => TestBot.Flow(AskForStress(), channelId: "sms")
            .Send("hi").AssertReply(question => Assert.Null(question.AsMessageActivity().SuggestedActions))
            .StartTestAsync();
}

using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Hosting;
using ReflectBot.Journeys;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>The terminal chat, run as the README runs it: the conversation on stdout, and beside it only what needs a person's attention.</summary>
public sealed class ConsoleChatTests
{
    [Fact]
    public async Task TheTerminalChatAnswersOnStdoutLogsOnlyWarningsAndTakesATypedButtonNumberAsThatButton()
    {
        var (exitCode, stdout, stderr) = await CommandRun.RunAsync(["chat", "--name", "Sam"], "hi\n7\ncalm, tired\nwork was long\n1\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("you> 7", stdout, StringComparison.Ordinal);

        // Information lines (the model loaded, no conversation reference stored, ...) were printed on every turn
        // when appsettings.json's Logging:LogLevel:Default outranked the command's minimum level.
        Assert.DoesNotContain("info:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", stdout, StringComparison.Ordinal);

        // The scale is shown as its numbers, so "7" is 7. The journal question's buttons are "[1] Yes  [2] No": "1"
        // was passed on as the text "1", which the question did not take (and after a crisis reply mid-journey, "1"
        // answered the journey's pending choice instead of "Are you safe right now?").
        Assert.Contains("[0]  [1]  [2]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[1] 0", stdout, StringComparison.Ordinal);
        var afterOne = stdout[stdout.LastIndexOf("you> 1", StringComparison.Ordinal)..];
        Assert.Contains(ContentFolders.Say(JourneyStrings.Saved), afterOne, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneNewReadsWhatTheBotIsBeforeTheirFirstMessageWhateverItIsAndOnlyOnce()
    {
        // A usability tester whose first message was "learn" or a question never read that this is no person, no
        // therapist and no emergency service: only a greeting brought the welcome. Web Chat and Teams show it when
        // the conversation opens; the terminal now does the same.
        var data = TempFolder.Create();
        var statement = "not a person, and not a therapist or an emergency service";
        var (exitCode, first, _) = await CommandRun.RunAsync(["chat", "--name", "Jo"], "learn\n", dataPath: data);
        Assert.Equal(0, exitCode);
        var welcome = first.IndexOf(statement, StringComparison.Ordinal);
        Assert.InRange(welcome, 0, first.IndexOf("you> learn", StringComparison.Ordinal));
        Assert.Equal(welcome, first.LastIndexOf(statement, StringComparison.Ordinal));

        var (_, second, _) = await CommandRun.RunAsync(["chat", "--name", "Jo"], "learn\n", dataPath: data);
        Assert.Contains("you> learn", second, StringComparison.Ordinal);
        Assert.DoesNotContain(statement, second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportInTheTerminalChatWritesTheFilesToExportsUnderTheWorkingFolderSaysWhereAndNeverOverwrites()
    {
        var folder = TempFolder.Create();
        var (exitCode, stdout, _) = await CommandRun.RunAsync(["chat", "--name", "Alex"], "hi\n7\ncalm\nwork was long\n1\nexport\nexport\n", folder);

        Assert.Equal(0, exitCode);
        var exports = Path.Combine(folder, "exports");
        var files = Directory.GetFiles(exports).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, files.Count);

        // Each file's full path is in the reply, where the person can copy it; printing only the names once left
        // people looking for files that were never written.
        foreach (var file in files)
        {
            Assert.Contains($"Saved: {file}", stdout, StringComparison.Ordinal);
        }

        var markdown = files.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, markdown.Count);
        Assert.Contains(markdown, f => f.EndsWith(" (2).md", StringComparison.Ordinal));
        foreach (var file in markdown)
        {
            Assert.Contains("work was long", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files[0]));
        }
    }

    [Fact]
    public void ButtonsAreNumberedThroughTheWholeMessageAndEachNumberSendsWhatItsButtonSends()
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JArray { new JObject { ["type"] = "TextBlock", ["text"] = "Grounding" } },
            ["actions"] = new JArray
            {
                new JObject { ["type"] = "Action.Submit", ["title"] = "Try it", ["data"] = new JObject { ["text"] = "self soothe", ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = "self soothe" } } },
                new JObject { ["type"] = "Action.OpenUrl", ["title"] = "Find a Helpline", ["url"] = "https://findahelpline.com/" },
            },
        };
        var activity = Message("Are you safe right now?", "I'm safe right now", "I'm not safe");
        activity.Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", content: card)];
        activity.SuggestedActions.Actions.Add(new CardAction(ActionTypes.MessageBack, "Menu", text: "menu", value: new JObject { ["kind"] = "menu" }));
        var choices = new List<ConsoleChoice>();

        var text = ConsoleRendering.Render(activity, choices);

        Assert.Contains("[1] Try it", text, StringComparison.Ordinal);
        Assert.Contains("[Find a Helpline: https://findahelpline.com/]", text, StringComparison.Ordinal);
        Assert.Contains("[2] I'm safe right now  [3] I'm not safe  [4] Menu", text, StringComparison.Ordinal);
        Assert.Equal(["self soothe", "I'm safe right now", "I'm not safe", "menu"], choices.Select(c => c.Text));
        Assert.Equal("self soothe", Assert.IsType<JObject>(choices[0].Value).Value<string>("text"));
        Assert.Null(choices[1].Value);
        Assert.Equal("menu", Assert.IsType<JObject>(choices[3].Value).Value<string>("kind"));
    }

    [Fact]
    public void ARowOfNumberButtonsIsShownAsTheNumbersAndOffersNoNumberedChoice()
    {
        var activity = Message("From 0 to 10?", [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var choices = new List<ConsoleChoice>();

        var text = ConsoleRendering.Render(activity, choices);

        Assert.Contains("[0]  [1]  [2]", text, StringComparison.Ordinal);
        Assert.Contains("[10]", text, StringComparison.Ordinal);
        Assert.Empty(choices);
    }

    private static Activity Message(string text, params string[] buttons) => new(ActivityTypes.Message)
    {
        Text = text,
        SuggestedActions = new SuggestedActions { Actions = [.. buttons.Select(b => new CardAction(ActionTypes.ImBack, b, value: b))] },
    };
}

using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>The terminal chat, run as the README runs it: the conversation on stdout, and beside it only what needs a person's attention.</summary>
public sealed class ConsoleChatTests
{
    [Fact]
    public async Task TheTerminalChatAnswersOnStdoutAndLogsOnlyWarningsAndWorse()
    {
        var (exitCode, stdout, stderr) = await CommandRun.RunAsync(["chat", "--name", "Sam"], "hi\n7\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("you> 7", stdout, StringComparison.Ordinal);
        Assert.Contains("bot> ", stdout, StringComparison.Ordinal);

        // Information lines (the model loaded, no conversation reference stored, ...) were printed on every turn
        // when appsettings.json's Logging:LogLevel:Default outranked the command's minimum level.
        Assert.DoesNotContain("info:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", stdout, StringComparison.Ordinal);
    }
}

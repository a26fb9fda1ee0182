using ReflectBot.Hosting;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>The terminal chat shows bold and italic as plain words, not as the asterisks of Markdown (usability test ux1).</summary>
public sealed class ConsoleMarkdownTests
{
    [Fact]
    public async Task AnEntrysBoldHeadingReadsAsPlainTextInTheBuiltChat()
    {
        var (exitCode, stdout, _) = await CommandRun.RunAsync(["chat", "--name", "Sam"], "hi\n7\ncalm\nwork was long\n1\nmy journal\nread 1\n");

        Assert.Equal(0, exitCode);
        var journal = stdout[stdout.LastIndexOf("you> read 1", StringComparison.Ordinal)..];
        Assert.Contains("Daily check-in, ", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("**", journal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("**Daily check-in**, today", "Daily check-in, today")]
    [InlineData("a *gentle* word and __this__", "a gentle word and this")]
    [InlineData("2 * 3 = 6, and a lone * stays", "2 * 3 = 6, and a lone * stays")]
    public void MarkdownEmphasisIsTakenOffAndOtherAsterisksStay(string markdown, string plain)
        => Assert.Equal(plain, ConsoleRendering.Plain(markdown));
}

using System.Text.RegularExpressions;
using ReflectBot.Tests.Deployment;

namespace ReflectBot.Tests.Architecture;

/// <summary>README's layout table names every folder of the bot, and no folder that is not there.</summary>
public sealed partial class ReadmeLayoutTests
{
    private static readonly string[] NotSource = ["bin", "obj", ".data", "TestResults"];

    [Fact]
    public void TheLayoutTableNamesEveryTopLevelFolderOfTheBotAndNoOther()
    {
        var readme = File.ReadAllText(RepoPaths.Of("README.md"));
        var layout = readme[readme.IndexOf("## Layout", StringComparison.Ordinal)..];
        layout = layout[..(layout.IndexOf("\n## ", 3, StringComparison.Ordinal) is > 0 and var end ? end : layout.Length)];
        var named = Row().Matches(layout).Select(m => m.Groups["folder"].Value).ToHashSet(StringComparer.Ordinal);

        var onDisk = Directory.EnumerateDirectories(RepoPaths.Of("src", "ReflectBot"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(d => !NotSource.Contains(d, StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Kernel", onDisk);
        Assert.Empty(onDisk.Except(named).Order(StringComparer.Ordinal));
        Assert.Empty(named.Except(onDisk).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `src/ReflectBot/(?<folder>[^/`]+)/` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}

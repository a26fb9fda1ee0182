using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Safety;
using ReflectBot.Safety.Model;
using ReflectBot.Tests.Support;
using Xunit.Abstractions;
namespace ReflectBot.Tests.Safety;
public sealed class ProbeTmp(ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        using var host = new BotHost();
        host.CreateClient();
        var model = host.Services.GetRequiredService<SafetyModelHost>();
        await model.WaitReadyAsync();
        var screen = host.Services.GetRequiredService<SafetyScreen>();
        foreach (var t in File.ReadAllLines("/tmp/probe.txt"))
        {
            output.WriteLine($"{screen.Lexicon.Screen(t)} | {screen.Screen(t)} | {t}");
        }
    }
}

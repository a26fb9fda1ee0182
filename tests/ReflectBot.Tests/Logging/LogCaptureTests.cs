using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Tests.Support;
using Xunit.Abstractions;

namespace ReflectBot.Tests.Logging;

/// <summary>What users write never reaches the logs: every log line of a full session, at every level, is searched for it.</summary>
public sealed class LogCaptureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task NoAnswerTextOrUserNameAppearsInAnyLogLine()
    {
        var sink = new LogSink();
        using var host = new BotHost(null, ("Logging:LogLevel:Default", "Trace"), ("Logging:LogLevel:Microsoft", "Trace"), ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"))
        {
            TestServices = s => s.AddSingleton<ILoggerProvider>(sink),
        };
        var bot = host.Client(userId: "log-user");
        const string name = "Zebulon Quixote-Marchetti";
        var secrets = new[] { "periwinkle-sorrow", "the lighthouse keeper's letter", "plan-xylophone", "reasons-ocelot", name };

        async Task Say(string text)
        {
            var message = bot.Message(text);
            message.From.Name = name;
            await bot.SendAsync(message);
        }

        await Say("hi");
        await Say("3");
        await Say(secrets[0]);
        await Say(secrets[1]);
        await Say("yes");
        await Say("write my safety plan");
        foreach (var answer in new[] { secrets[2], "b", "c", "d", "e", "f", secrets[3] })
        {
            await Say(answer);
        }

        await Say("yes");
        await Say("I want to die, periwinkle-sorrow");
        await Say("my journal");
        await Say("read 1");
        await Say("entries about periwinkle");
        await Say("mood");
        await Say("export");
        await Say("14 — not a number periwinkle-sorrow");
        await Say("delete my data");
        await Say("yes, delete everything");

        var all = sink.All;
        output.WriteLine($"{sink.Lines.Count} log lines captured");
        Assert.True(sink.Lines.Count > 50, "the sink should have captured the host's logging");
        Assert.Contains("Crisis language detected", all, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase);
        }
    }
}

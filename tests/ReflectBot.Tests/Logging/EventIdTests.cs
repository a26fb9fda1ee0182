using System.Reflection;
using Microsoft.Extensions.Logging;
using ReflectBot.Kernel;

namespace ReflectBot.Tests.Logging;

/// <summary>Every log event id is used once, by the class whose range Kernel/LogEventRanges lists for it.</summary>
public sealed class EventIdTests
{
    private static readonly (string LogClass, int EventId, string Method)[] Messages = [.. typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => (Type: t, Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>())))
        .Where(x => x.Attribute is not null)
        .Select(x => (x.Type.FullName!, x.Attribute!.EventId, x.Method.Name))];

    [Fact]
    public void NoTwoLogMessagesShareAnEventId()
    {
        Assert.True(Messages.Length > 40, $"only {Messages.Length} [LoggerMessage] methods found");
        var shared = Messages.GroupBy(m => m.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.LogClass}.{m.Method}"))}").ToList();
        Assert.True(shared.Count == 0, "Event ids used twice:\n" + string.Join("\n", shared));
    }

    [Fact]
    public void EveryEventIdLiesInTheRangeListedForItsClass()
    {
        var outside = Messages
            .Where(m => LogEventRanges.All.FirstOrDefault(r => r.LogClass == m.LogClass) is not { LogClass: not null } range || m.EventId < range.First || m.EventId > range.Last)
            .Select(m => $"{m.LogClass}.{m.Method} ({m.EventId})").ToList();
        Assert.True(outside.Count == 0, "Not in Kernel/LogEventRanges, or outside the class's range:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void TheListedRangesDoNotOverlapAndEachIsUsed()
    {
        var ranges = LogEventRanges.All.OrderBy(r => r.First).ToList();
        foreach (var (first, second) in ranges.Zip(ranges.Skip(1)))
        {
            Assert.True(first.Last < second.First, $"{first.LogClass} ({first.First}–{first.Last}) overlaps {second.LogClass} ({second.First}–{second.Last})");
        }

        Assert.All(ranges, r => Assert.Contains(Messages, m => m.LogClass == r.LogClass));
    }
}

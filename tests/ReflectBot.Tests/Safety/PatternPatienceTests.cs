using System.Diagnostics.Metrics;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Safety.Evaluation;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Safety;

/// <summary>
/// A lexicon pattern's time limit is wall-clock time, so on a loaded machine a harmless message's pattern can run out
/// of it without being slow; the screen reads such a pattern once more with a longer limit (<see cref="PatternPatience"/>)
/// before it falls back to "a match". Here every pattern is loaded with a limit of one tick, so every first try that
/// checks the clock runs out of time, as a descheduled thread's would.
/// </summary>
public sealed class PatternPatienceTests
{
    // Things a person or a clinician types that name no risk at all.
    private static readonly string[] Everyday =
    [
        "new client code",
        "check in",
        "I had toast for breakfast and then walked the dog round the park before work.",
        "Can you show me my entries from last week please?",
        "We talked about my sister and the holiday plans for August.",
    ];

    private static SafetyLexicon Hurried()
    {
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(ContentFolders.Shipped, errors, TimeSpan.FromTicks(1));
        Assert.Empty(errors);
        return lexicon!;
    }

    [Fact]
    public void WithoutALongerRetryAHurriedScreenRaisesAlarmsOnHarmlessMessages()
    {
        // The control for the test below: one-tick limits do run out, and read as matches they alarm on harmless words,
        // which is how "new client code" once got the self-harm reply.
        var impatient = new RiskScreen(Hurried(), new PatternPatience(TimeSpan.FromTicks(1)));
        var readings = Everyday.Select(impatient.Read).ToList();
        Assert.Contains(readings, r => r.TimedOut && r.Live != RiskClass.None);
    }

    [Fact]
    public void TheRetryReadsEveryMessageAsTheShippedScreenDoesWhenEveryFirstTryRunsOutOfTime()
    {
        var shipped = ShippedLexicon.Screen();
        var patient = new RiskScreen(Hurried(), new PatternPatience(PatternPatience.Default));
        var errors = new List<ContentError>();
        var development = LabelledSet.Load(Path.Combine(ContentFolders.Shipped, "safety", "evaluation", "dev.tsv"), "dev.tsv", errors);
        Assert.Empty(errors);

        long read = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "reflectbot.safety.pattern_retries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "outcome", Value: "read" })
                {
                    Interlocked.Add(ref read, value);
                }
            }
        });
        listener.Start();

        // Every fifth development line (about 1,800, every class and both harmless labels) and the everyday messages.
        foreach (var text in development.Where((_, i) => i % 5 == 0).Select(m => m.Text).Concat(Everyday))
        {
            var expected = shipped.Read(text);
            var got = patient.Read(text);
            Assert.False(got.TimedOut, text);
            Assert.Equal((expected.Live, expected.Past, expected.OnTopic), (got.Live, got.Past, got.OnTopic));
        }

        // The retries did the reading (so the first tries did run out of time).
        Assert.True(Interlocked.Read(ref read) > 0);
    }

    [Fact]
    public void ANoteToAClientThatCannotBeReadInTimeEvenOnTheRetryIsHeldBack()
    {
        var screen = new RiskScreen(Hurried(), new PatternPatience(TimeSpan.FromTicks(1)));
        var patient = new RiskScreen(Hurried(), new PatternPatience(PatternPatience.Default));
        var toReader = Hurried().ToReader;
        // Kind words that share the patterns' own words ("nobody would", "you should just", "better off"), so they are read.
        const string Note = "Nobody would blame you for resting this week, you should just take the weekend slowly, and your family are better off with you rested.";

        Assert.False(patient.AnyMatch(toReader, Note, whenUnread: true));
        Assert.True(screen.AnyMatch(toReader, Note, whenUnread: true));
        Assert.False(screen.AnyMatch(toReader, Note, whenUnread: false));
    }
}

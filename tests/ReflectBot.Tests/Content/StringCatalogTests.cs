using Microsoft.Extensions.Time.Testing;
using ReflectBot.Cards;
using ReflectBot.Content;
using ReflectBot.Conversation;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;

namespace ReflectBot.Tests.Content;

/// <summary>The bot's sentences live in dialogs/strings/, looked up by the keys the code declares; both sides are checked.</summary>
public sealed class StringCatalogTests
{
    private static readonly string Conversation = File.ReadAllText(Path.Combine(ContentFolders.Shipped, "strings", "conversation.yaml"));

    [Fact]
    public void EveryKeyTheCodeDeclaresIsShippedAndEveryShippedKeyIsDeclared()
    {
        var errors = new List<ContentError>();
        var strings = ContentLibrary.LoadWithErrors(ContentFolders.Shipped, errors).Strings;
        Assert.Empty(errors);

        var declared = StringCatalog.Declared().Select(k => k.Key).ToList();
        Assert.Contains(ConversationStrings.Welcome.Key, declared);
        Assert.Contains(CardStrings.JourneyStillOpen.Key, declared);
        Assert.Equal(declared.Order(StringComparer.Ordinal), strings.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASentenceIsSaidWithItsPlaceholdersFilledIn()
    {
        var strings = ContentLibrary.Load(ContentFolders.Shipped).Strings;
        var text = strings.Text(ConversationStrings.WhereYouAreAt, ("title", "daily check-in"), ("question", 2), ("of", 4));
        Assert.StartsWith("You're in the daily check-in, question 2 of 4.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyTheCodeSaysThatIsMissingIsNamedWithItsFile()
    {
        var errors = Check(("strings/conversation.yaml", Without(Conversation, "iAmABot:")));
        var error = Assert.Single(errors);
        Assert.Equal(Path.Combine("strings", "conversation.yaml"), error.File);
        Assert.Contains("'iAmABot' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceholderTheCodeDoesNotFillInIsNamedWithItsLine()
    {
        var errors = Check(("strings/conversation.yaml", Conversation.Replace("paused: 'Your {title} is", "paused: 'Your {name} is", StringComparison.Ordinal)));
        var line = Conversation.Split('\n').ToList().FindIndex(l => l.StartsWith("paused:", StringComparison.Ordinal)) + 1;
        Assert.Contains(errors, e => e.Line == line && e.Message.Contains("{name}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == line && e.Message.Contains("leaves out {title}", StringComparison.Ordinal));
    }

    [Fact]
    public void AKeyNoCodeDeclaresIsNamedAsUnused()
    {
        var errors = Check(("strings/conversation.yaml", Conversation + "farewell: Goodbye for now.\n"));
        var error = Assert.Single(errors);
        Assert.Contains("'conversation.farewell' is not said anywhere", error.Message, StringComparison.Ordinal);
        Assert.Equal(Conversation.Split('\n').Length, error.Line);
    }

    [Fact]
    public void AKeyWithSeveralWordingsSaysOneAllDayAndEachOfThemOverTheDays()
    {
        var wordings = ContentLibrary.Load(ContentFolders.Shipped).Strings.All[ConversationStrings.Hello.Key];
        Assert.True(wordings.Count >= 2, "conversation.hello is the shipped example of a key with several wordings.");

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 5, 0, TimeSpan.Zero));
        var strings = ContentLibrary.Load(ContentFolders.Shipped).Strings.WithClock(clock);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var day = 0; day < wordings.Count; day++)
        {
            var morning = strings[ConversationStrings.Hello];
            clock.Advance(TimeSpan.FromHours(23));
            Assert.Equal(morning, strings[ConversationStrings.Hello]);
            seen.Add(morning);
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(wordings.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AWordingThatLeavesOutAPlaceholderIsNamedAtItsOwnLine()
    {
        var yaml = Conversation.Replace(
            "paused: 'Your {title} is still open: type \"back\" to return to it, or pick something new.'",
            "paused:\n  - 'Your {title} is still open: type \"back\" to return to it, or pick something new.'\n  - Still open, whenever you want it.",
            StringComparison.Ordinal);
        Assert.NotEqual(Conversation, yaml);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("whenever you want it", StringComparison.Ordinal)) + 1;
        var error = Assert.Single(Check(("strings/conversation.yaml", yaml)));
        Assert.Equal(line, error.Line);
        Assert.Contains("'conversation.paused' (wording 2) leaves out {title}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AListOfOneWordingIsRefusedByTheSchemaAtItsLine()
    {
        var yaml = Conversation.Replace("iAmABot: I'm", "iAmABot:\n  - I'm", StringComparison.Ordinal);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.StartsWith("iAmABot:", StringComparison.Ordinal)) + 1;
        var errors = Check(("strings/conversation.yaml", yaml));
        Assert.Contains(errors, e => e.File == Path.Combine("strings", "conversation.yaml") && e.Line == line);
    }

    private static List<ContentError> Check(params (string Path, string Yaml)[] files)
    {
        var errors = new List<ContentError>();
        ContentValidation.Check(ContentFolders.With(files), errors);
        return errors;
    }

    private static string Without(string yaml, string key)
        => string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith(key, StringComparison.Ordinal)));
}

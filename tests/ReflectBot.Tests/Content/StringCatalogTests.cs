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
        var errors = Check(("strings/conversation.yaml", Without(Conversation, "hello:")));
        var error = Assert.Single(errors);
        Assert.Equal(Path.Combine("strings", "conversation.yaml"), error.File);
        Assert.Contains("'hello' is missing", error.Message, StringComparison.Ordinal);
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

    private static List<ContentError> Check(params (string Path, string Yaml)[] files)
    {
        var errors = new List<ContentError>();
        ContentValidation.Check(ContentFolders.With(files), errors);
        return errors;
    }

    private static string Without(string yaml, string key)
        => string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith(key, StringComparison.Ordinal)));
}

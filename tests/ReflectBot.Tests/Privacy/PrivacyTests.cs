using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Privacy;

/// <summary>Consent, "privacy", "delete my data" and the reminder switch, through the real host.</summary>
public sealed class PrivacyTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private IJournalStore Journal => _host.Services.GetRequiredService<IJournalStore>();

    [Fact]
    public async Task TheWelcomeSaysItIsAnAutomatedCompanionAndHowItTreatsData()
    {
        var hello = BotClient.Read(await _host.Client().SayAsync("hello"));
        Assert.Contains("automated journaling companion", hello, StringComparison.Ordinal);
        Assert.Contains("not a person", hello, StringComparison.Ordinal);
        Assert.Contains("not a therapist or an emergency service", hello, StringComparison.Ordinal);
        Assert.Contains("encrypted", hello, StringComparison.Ordinal);
        Assert.Contains("ask before saving", hello, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoToTheFirstSaveQuestionLeavesThatOneUnsavedAndTheNextReflectionIsOfferedAgain()
    {
        var bot = _host.Client();
        await bot.SayAsync("check in");
        await bot.SayAsync("5");
        await bot.SayAsync("unsure");
        var question = BotClient.Read(await bot.SayAsync("things"));
        Assert.Contains("Shall I keep a journal for you", question, StringComparison.Ordinal);
        Assert.Contains("encrypted", question, StringComparison.Ordinal);
        Assert.Contains("\"journal off\" if you never want one", question, StringComparison.Ordinal);
        var no = BotClient.Read(await bot.SayAsync("no"));
        Assert.DoesNotContain("chose not to keep a journal", no, StringComparison.Ordinal);
        Assert.Empty(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Null(await ProfileValueAsync<bool?>("journalConsent"));

        // "No" meant this one: the next reflection asks again, and a yes keeps it. A first "no" once turned the
        // journal off, so no later reflection was ever offered for saving.
        Assert.Contains("Shall I keep a journal for you", BotClient.Read(await bot.CheckInPromptAsync()), StringComparison.Ordinal);
        await bot.SayAsync("yes");
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Fact]
    public async Task JournalOffMeansNeverAndNothingIsSavedOrAskedUntilJournalOn()
    {
        var bot = _host.Client();
        Assert.Contains("won't save any reflections", BotClient.Read(await bot.SayAsync("never keep a journal")), StringComparison.Ordinal);

        var end = BotClient.Read(await bot.CheckInPromptAsync());
        Assert.DoesNotContain("Shall I", end, StringComparison.Ordinal);
        Assert.Contains("nothing from this was saved", end, StringComparison.Ordinal);
        Assert.Empty(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_host.DataPath, "journal"), "*.item", SearchOption.AllDirectories));

        // "journal on" turns it on; then the journey's own save question is asked.
        await bot.SayAsync("journal on");
        var saveQuestion = BotClient.Read(await bot.CheckInPromptAsync());
        Assert.Contains("Would you like to save this check-in", saveQuestion, StringComparison.Ordinal);
        await bot.SayAsync("yes");
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Theory]
    [InlineData("how do i delete it all")]
    [InlineData("delete my stuff")]
    [InlineData("can i delete everything")]
    [InlineData("Delete all my data please")]
    public async Task TheWaysPeopleAskToDeleteEverythingReachTheQuestionAndDeleteNothingWithoutYes(string asked)
    {
        var bot = _host.Client();
        await bot.CheckInAsync(5, "fine", "keep me");
        var ask = await bot.SayAsync(asked);
        Assert.Contains("can't be undone", BotClient.Read(ask), StringComparison.Ordinal);
        Assert.Equal(["yes, delete everything", "no, keep it"], ask.Last().SuggestedActions.Actions.Select(a => a.Title));
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
        await bot.SayAsync("no");
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Fact]
    public async Task DeleteAloneExplainsTheTwoChoicesAndDeletesNothing()
    {
        var bot = _host.Client();
        await bot.CheckInAsync(5, "fine", "keep me");
        var replies = await bot.SayAsync("delete");
        var text = BotClient.Read(replies);
        Assert.Contains("\"delete entry\"", text, StringComparison.Ordinal);
        Assert.Contains("\"delete my data\"", text, StringComparison.Ordinal);
        Assert.Equal(["my journal", "delete my data"], replies.Last().SuggestedActions.Actions.Select(a => a.Title));
        await bot.SayAsync("yes");
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Fact]
    public async Task DeleteMyDataDoesNotSuggestThePersonEverHadACrisisReply()
    {
        var text = BotClient.Read(await _host.Client().SayAsync("delete my data"));
        Assert.DoesNotContain("a count that crisis support was shown", text, StringComparison.Ordinal);
        Assert.Contains("anonymous totals of how often this bot has shown crisis support to anyone", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivacySaysWhatIsStoredWhereAndTheCommands()
    {
        var text = BotClient.Read(await _host.Client().SayAsync("privacy"));
        Assert.Contains("data folder", text, StringComparison.Ordinal);
        Assert.Contains("encrypted", text, StringComparison.Ordinal);
        foreach (var command in new[] { "my journal", "export", "delete my data", "pause reminders", "resume reminders", "journal off", "region" })
        {
            Assert.Contains($"\"{command}\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PauseAndResumeRemindersAreStoredInTheProfile()
    {
        var bot = _host.Client();
        Assert.Contains("paused", BotClient.Read(await bot.SayAsync("pause reminders")), StringComparison.Ordinal);
        Assert.True(await ProfileValueAsync<bool>("remindersPaused"));
        Assert.Contains("back on", BotClient.Read(await bot.SayAsync("resume reminders")), StringComparison.Ordinal);
        Assert.False(await ProfileValueAsync<bool>("remindersPaused"));
    }

    [Fact]
    public async Task DeleteMyDataAsksFirstAndNoKeepsEverything()
    {
        var bot = _host.Client();
        await bot.CheckInAsync(5, "fine", "keep me");
        var ask = await bot.SayAsync("delete my data");
        Assert.Contains("can't be undone", BotClient.Read(ask), StringComparison.Ordinal);
        Assert.Equal(["yes, delete everything", "no, keep it"], ask.Last().SuggestedActions.Actions.Select(a => a.Title));
        Assert.Contains("haven't deleted anything", BotClient.Read(await bot.SayAsync("no, keep it")), StringComparison.Ordinal);
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));

        // A later "yes" is not a confirmation any more.
        await bot.SayAsync("yes");
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "user-1")));
    }

    [Fact]
    public async Task DeleteMyDataLeavesNothingOfTheUserInAnyStore()
    {
        var bot = _host.Client(userId: "erase-me");
        var other = _host.Client(userId: "someone-else", conversationId: "conv-2");
        await other.CheckInAsync(6, "other-user-feeling", "other-user-thought");
        await other.SayAsync("check in"); // a second one left open: their conversation's state is kept (a finished one's is blank)

        // An earlier conversation of theirs, left half-way through a check-in (its state holds an answer).
        var earlier = _host.Client(userId: "erase-me", conversationId: "conv-earlier");
        await earlier.SayAsync("check in");
        await earlier.SayAsync("5");
        await earlier.SayAsync("zanzibar-earlier");

        await bot.SayAsync("region UK");
        await bot.CheckInAsync(4, "zanzibar-feeling", "quokka-thought");
        await bot.SayAsync("write my safety plan");
        foreach (var answer in new[] { "plan-a", "plan-b", "plan-c", "plan-d", "plan-e", "plan-f", "plan-g" })
        {
            await bot.SayAsync(answer);
        }

        await bot.SayAsync("yes");
        await bot.SayAsync("I want to die");
        Assert.NotNull(await _host.Services.GetRequiredService<SafetyPlanStore>().GetAsync(UserKeys.From("webchat", "erase-me")));

        await bot.SayAsync("delete my data");
        var done = BotClient.Read(await bot.SayAsync("yes, delete everything"));
        Assert.Contains("deleted everything", done, StringComparison.Ordinal);
        Assert.Contains("3 journal entries", done, StringComparison.Ordinal); // the check-in, the safety plan (kept in the journal too) and the safety moment
        Assert.Contains("safety plan", done, StringComparison.Ordinal);

        // Every item store, listed whole, holds nothing of theirs.
        foreach (var name in ItemStoreNames.All)
        {
            var store = _host.Services.GetRequiredKeyedService<IItemStore>(name);
            await foreach (var key in store.ListAsync(string.Empty))
            {
                Assert.DoesNotContain("erase-me", key, StringComparison.Ordinal);
                var item = await store.ReadAsync(key);
                Assert.DoesNotContain("erase-me", Encoding.UTF8.GetString(item!.Content.Span), StringComparison.Ordinal);
            }
        }

        // Their user and conversation state are gone; the other user's are not.
        var storage = _host.Services.GetRequiredService<IStorage>();
        Assert.Empty(await storage.ReadAsync(["webchat/users/erase-me", "webchat/conversations/conv-1", "webchat/conversations/conv-earlier"]));
        var kept = Assert.Single(await storage.ReadAsync(["webchat/users/someone-else"])).Value;
        Assert.NotNull(JObject.FromObject(((IDictionary<string, object>)kept)[FoldedStateStorage.ConversationsProperty])["conv-2"]);
        Assert.Single(await storage.ReadAsync(["webchat/users/someone-else"]));
        Assert.Single(await Journal.ListAsync(UserKeys.From("webchat", "someone-else")));

        // And on disk: no file (lock files included) names them or holds their words.
        foreach (var file in Directory.EnumerateFiles(_host.DataPath, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("erase-me", file, StringComparison.Ordinal);
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("erase-me", text, StringComparison.Ordinal);
            Assert.DoesNotContain("zanzibar", text, StringComparison.Ordinal);
        }

        // The crisis referral still counts, anonymously.
        var counts = await _host.Services.GetRequiredService<SafetyEventStore>().CountAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Equal(1, counts["suicidal"]);

        // Talking again starts fresh: the welcome, not "hi again".
        Assert.Contains("I'm ReflectBot", BotClient.Read(await bot.SayAsync("hi")), StringComparison.Ordinal);
    }

    private async Task<T?> ProfileValueAsync<T>(string name)
    {
        var state = await _host.Services.GetRequiredService<IStorage>().ReadAsync(["webchat/users/user-1"]);
        var profile = JObject.FromObject(((IDictionary<string, object>)state["webchat/users/user-1"])["profile"]);
        return profile.Value<T>(name);
    }
}

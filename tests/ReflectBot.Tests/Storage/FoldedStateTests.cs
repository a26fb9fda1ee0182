using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Clinic;
using ReflectBot.Kernel;
using ReflectBot.Privacy;
using ReflectBot.Storage;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// A user's state and their conversations' states live in one document (<see cref="FoldedStateStorage"/>): a
/// setting changed in one conversation holds in every other one at once, and in the record read outside any turn;
/// a web chat that starts many conversations keeps the document bounded without losing a journey.
/// </summary>
public sealed class FoldedStateTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private IStorage Storage => _host.Services.GetRequiredService<IStorage>();

    [Fact]
    public async Task ConsentRevokedInOneConversationHoldsInTheUsersOtherConversationAndTheirRecordAtOnce()
    {
        var phone = _host.Client(userId: "two-devices", conversationId: "on-the-phone");
        var laptop = _host.Client(userId: "two-devices", conversationId: "on-the-laptop");
        await phone.SayAsync("hello");
        await laptop.SayAsync("hello");
        Assert.Contains(ContentFolders.Say(PrivacyStrings.OverviewJournalUnknown), await laptop.ReadAsync("privacy"), StringComparison.Ordinal);

        await phone.SayAsync("journal off");
        await phone.SayAsync("pause reminders");

        var seenOnLaptop = await laptop.ReadAsync("privacy");
        Assert.Contains(ContentFolders.Say(PrivacyStrings.OverviewJournalRefused), seenOnLaptop, StringComparison.Ordinal);
        Assert.Contains("(now paused)", seenOnLaptop, StringComparison.Ordinal);

        // Read outside any turn (as the scheduler and the clinic do), from the one record.
        var preferences = _host.Services.GetRequiredService<IReminderPreferences>();
        Assert.True(await preferences.ArePausedAsync(UserKeys.From("webchat", "two-devices")));

        await laptop.SayAsync("resume reminders");
        Assert.False(await preferences.ArePausedAsync(UserKeys.From("webchat", "two-devices")));
        Assert.Contains("(now on)", await phone.ReadAsync("privacy"), StringComparison.Ordinal);

        // One record for the user, holding both conversations; no record of either conversation apart.
        var stored = await Storage.ReadAsync(["webchat/users/two-devices", "webchat/conversations/on-the-phone", "webchat/conversations/on-the-laptop"]);
        var user = (IDictionary<string, object>)Assert.Single(stored).Value;
        var conversations = JObject.FromObject(user[FoldedStateStorage.ConversationsProperty]);
        Assert.Equal(["on-the-phone", "on-the-laptop"], conversations.Properties().Select(p => p.Name).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task TheOldestOfManyConversationsMovesToARecordOfItsOwnAndItsJourneyGoesOnWhenItSpeaksAgain()
    {
        var first = _host.Client(userId: "many-tabs", conversationId: "tab-0");
        await first.SayAsync("check in");
        Assert.Contains("?", await first.ReadAsync("5"), StringComparison.Ordinal);

        for (var i = 1; i <= FoldedStateScopeLimit; i++)
        {
            await _host.Client(userId: "many-tabs", conversationId: $"tab-{i}").SayAsync("hello");
        }

        // The document holds the latest ones; the first tab's check-in, half-way, is in a record of its own.
        var user = (IDictionary<string, object>)(await Storage.ReadAsync(["webchat/users/many-tabs"]))["webchat/users/many-tabs"];
        var held = JObject.FromObject(user[FoldedStateStorage.ConversationsProperty]).Properties().Select(p => p.Name).ToList();
        Assert.Equal(FoldedStateScopeLimit, held.Count);
        Assert.DoesNotContain("tab-0", held);
        Assert.Single(await Storage.ReadAsync(["webchat/conversations/tab-0"]));

        // It speaks again: the check-in goes on from its second question, and its own record is gone.
        Assert.Contains("?", await first.ReadAsync("heavy"), StringComparison.Ordinal);
        Assert.Contains("save", await first.ReadAsync("a long week"), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Storage.ReadAsync(["webchat/conversations/tab-0"]));
        user = (IDictionary<string, object>)(await Storage.ReadAsync(["webchat/users/many-tabs"]))["webchat/users/many-tabs"];
        Assert.NotNull(JObject.FromObject(user[FoldedStateStorage.ConversationsProperty])["tab-0"]);
    }

    private const int FoldedStateScopeLimit = 16;

    [Fact]
    public async Task ARecordChangedOutsideAnyTurnIsWhatTheNextTurnSeesThoughTheProcessKeptACopy()
    {
        var bot = _host.Client(userId: "changed-elsewhere", conversationId: "only");
        await bot.SayAsync("hello");
        await bot.SayAsync("pause reminders");
        Assert.Contains("(now paused)", await bot.ReadAsync("privacy"), StringComparison.Ordinal);
        Assert.True(_host.Services.GetRequiredService<StateDocumentCache>().Count > 0);

        // Another writer (another instance, an upgrade run) changes the record behind the process's copy.
        var key = "webchat/users/changed-elsewhere";
        var stored = (IDictionary<string, object>)(await Storage.ReadAsync([key]))[key];
        var profile = JObject.FromObject(stored[StateKeys.ProfileProperty]);
        profile["remindersPaused"] = false;
        stored[StateKeys.ProfileProperty] = profile;
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = stored });

        // "privacy" writes nothing: its copy is proved by an ETag read before the reply goes out, and found behind.
        Assert.Contains("(now on)", await bot.ReadAsync("privacy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteThroughTheFoldedStoreOutsideATurnForgetsTheCopyAndDeletingTheDocumentDropsIt()
    {
        var bot = _host.Client(userId: "forgotten", conversationId: "only");
        await bot.SayAsync("hello");
        var cache = _host.Services.GetRequiredService<StateDocumentCache>();
        var key = "webchat/users/forgotten";
        Assert.NotNull(cache.TryGet(key));

        var folded = _host.Services.GetRequiredService<FoldedStateStorage>();
        var stored = (await folded.ReadAsync([key]))[key];
        await folded.WriteAsync(new Dictionary<string, object> { [key] = stored });
        Assert.Null(cache.TryGet(key));

        await bot.SayAsync("hello");
        Assert.NotNull(cache.TryGet(key));
        await folded.DeleteAsync([key]);
        Assert.Null(cache.TryGet(key));
    }

    [Fact]
    public async Task AWebChatThatStartsAConversationEachVisitLeavesNothingOfFinishedVisitsBehind()
    {
        const string Key = "webchat/users/daily-visitor";
        string? afterFirst = null;
        for (var visit = 0; visit < 20; visit++)
        {
            var bot = _host.Client(userId: "daily-visitor", conversationId: $"visit-{visit}");
            foreach (var text in new[] { "check in", "6", "calm", "work was long" })
            {
                Assert.Contains("?", await bot.ReadAsync(text), StringComparison.Ordinal);
            }

            Assert.Contains("Saved", await bot.ReadAsync("yes"), StringComparison.Ordinal);
            afterFirst ??= Serialized((await Storage.ReadAsync([Key]))[Key]);
        }

        // The document holds the user's profile and no finished conversation; the profile lists no conversation (none has
        // a record of its own); no visit left a record. Twenty visits weigh what one did.
        var user = (IDictionary<string, object>)(await Storage.ReadAsync([Key]))[Key];
        Assert.False(user.ContainsKey(FoldedStateStorage.ConversationsProperty));
        Assert.Empty(JObject.FromObject(user[StateKeys.ProfileProperty])["conversations"] as JArray ?? []);
        Assert.Empty(await Storage.ReadAsync([.. Enumerable.Range(0, 20).Select(i => $"webchat/conversations/visit-{i}")]));
        Assert.Equal(afterFirst!.Length, Serialized(user).Length);
    }

    [Fact]
    public async Task DeleteMyDataRemovesConversationsMovedOutOfTheDocumentAsTheIndexListsThem()
    {
        // Each tab is left half-way through a check-in, so none is blank: the oldest are moved to records of their own.
        for (var i = 0; i <= FoldedStateScopeLimit + 2; i++)
        {
            var tab = _host.Client(userId: "leaves-tabs-open", conversationId: $"open-{i}");
            await tab.SayAsync("check in");
            await tab.SayAsync("3");
        }

        const string Key = "webchat/users/leaves-tabs-open";
        var user = (IDictionary<string, object>)(await Storage.ReadAsync([Key]))[Key];
        var index = (JObject.FromObject(user[StateKeys.ProfileProperty])["conversations"] as JArray ?? []).Select(id => (string)id!).ToList();
        Assert.Equal(["open-0", "open-1", "open-2"], index);
        Assert.Equal(3, (await Storage.ReadAsync(["webchat/conversations/open-0", "webchat/conversations/open-1", "webchat/conversations/open-2"])).Count);

        var last = _host.Client(userId: "leaves-tabs-open", conversationId: "closing");
        await last.SayAsync("delete my data");
        Assert.Contains("deleted everything", await last.ReadAsync("yes, delete everything"), StringComparison.Ordinal);
        Assert.Empty(await Storage.ReadAsync([Key, .. Enumerable.Range(0, FoldedStateScopeLimit + 3).Select(i => $"webchat/conversations/open-{i}")]));
    }

    [Fact]
    public async Task AProfileWrittenBeforeTheIndexListsEveryConversationAndEachIdWithoutARecordLeavesItOnceRead()
    {
        // As an earlier build left it: the profile lists every conversation, and a finished one is still held.
        const string Key = "webchat/users/from-before";
        var bot = _host.Client(userId: "from-before", conversationId: "old-visit");
        await bot.SayAsync("hello");
        var stored = (IDictionary<string, object>)(await Storage.ReadAsync([Key]))[Key];
        var profile = JObject.FromObject(stored[StateKeys.ProfileProperty]);
        profile["conversations"] = new JArray("older-visit", "old-visit");
        stored[StateKeys.ProfileProperty] = profile;
        stored[FoldedStateStorage.ConversationsProperty] = JObject.Parse("""{"older-visit":{"dialogState":{"dialogStack":[]},"journalListing":{"ids":[]}}}""");
        await Storage.WriteAsync(new Dictionary<string, object> { [Key] = stored });

        // A turn that writes: the finished conversation is dropped, and "old-visit" (listed, no record of its own) leaves
        // the index; "older-visit" stays listed until it speaks.
        await bot.SayAsync("pause reminders");
        var user = (IDictionary<string, object>)(await Storage.ReadAsync([Key]))[Key];
        Assert.False(user.ContainsKey(FoldedStateStorage.ConversationsProperty));
        Assert.Equal(["older-visit"], (JObject.FromObject(user[StateKeys.ProfileProperty])["conversations"] as JArray ?? []).Select(id => (string)id!));
        Assert.Contains("(now paused)", await bot.ReadAsync("privacy"), StringComparison.Ordinal);
    }

    private static string Serialized(object document) => JObject.FromObject(document).ToString(Newtonsoft.Json.Formatting.None);
}

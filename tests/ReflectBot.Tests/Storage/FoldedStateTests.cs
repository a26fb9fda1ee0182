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
}

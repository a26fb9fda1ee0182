using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ReflectBot.Hosting;
using ReflectBot.Storage;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// A turn that loses the state write race: another writer saves the user's document between this turn's
/// read and its write. When the other writer changed this conversation, the turn runs again on fresh state after a
/// short random pause, up to five runs; losing all five, the user is told plainly. When it changed only the user's
/// other conversations, the turn's write goes onto the fresh document without running the turn again.
/// Either way no reply of a run whose state was not saved reaches the user.
/// </summary>
public sealed class StateRaceTests
{
    [Fact]
    public async Task ATurnThatLosesTheRaceFourTimesRunsAgainAndAnswersOnce()
    {
        var racing = new RacingStorage(racesToLose: 4, Rival.SameConversation);
        using var host = new BotHost { TestServices = racing.Install };
        var bot = host.Client();
        await bot.SayAsync("check in");

        racing.Armed = true;
        var replies = await bot.SayAsync("3");

        Assert.Equal(4, racing.RacesLost);
        var question = Assert.Single(replies);
        Assert.Contains("?", BotClient.ReadOne(question), StringComparison.Ordinal);
        Assert.DoesNotContain(ContentFolders.Say(HostingStrings.Crossed), BotClient.Read(replies), StringComparison.Ordinal);

        // The state saved is the re-run's: the next answer is taken as the answer to that question.
        Assert.Contains("?", BotClient.Read(await bot.SayAsync("heavy")), StringComparison.Ordinal);
        Assert.Contains("save", BotClient.Read(await bot.SayAsync("a long week")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATurnThatLosesFiveTimesTellsTheUserAndKeepsTheStateItHad()
    {
        var racing = new RacingStorage(racesToLose: 5, Rival.SameConversation);
        using var host = new BotHost { TestServices = racing.Install };
        var bot = host.Client();
        var firstQuestion = BotClient.Read(await bot.SayAsync("check in"));

        racing.Armed = true;
        var replies = await bot.SayAsync("3");

        Assert.Equal(5, racing.RacesLost);
        Assert.Equal(ContentFolders.Say(HostingStrings.Crossed), BotClient.ReadOne(Assert.Single(replies)));

        // Nothing of the lost turn was kept: "help" still places the user on the first question.
        Assert.Contains("1", BotClient.Read(await bot.SayAsync("help")), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(firstQuestion));
    }

    [Theory]
    [InlineData(3, 0)] // the write and two merges lost, the third merge written: the turn ran once
    [InlineData(4, 1)] // the write and three merges lost: the turn runs once more, and wins
    public async Task ATurnThatLosesOnlyToTheUsersOtherConversationIsWrittenOntoTheFreshRecordUpToThreeTimesBeforeRunningAgain(int losses, int reruns)
    {
        var racing = new RacingStorage(losses, Rival.OtherConversation);
        var logs = new LogSink();
        using var host = new BotHost { TestServices = services => { racing.Install(services); services.AddSingleton<ILoggerProvider>(logs); } };
        var bot = host.Client();
        await bot.SayAsync("check in");

        racing.Armed = true;
        var replies = await bot.SayAsync("3");

        Assert.Equal(losses, racing.RacesLost);
        Assert.Contains("?", BotClient.ReadOne(Assert.Single(replies)), StringComparison.Ordinal);
        Assert.Equal(reruns, logs.Lines.Count(line => line.Contains("[3004]", StringComparison.Ordinal)));

        // Both writers' work is kept: the other conversation's last write, and this turn's answer (the next
        // message is taken as the answer to the question that followed it).
        Assert.Equal(losses, racing.OtherConversationWrites());
        Assert.Contains("?", BotClient.Read(await bot.SayAsync("heavy")), StringComparison.Ordinal);
        Assert.Contains("save", BotClient.Read(await bot.SayAsync("a long week")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATurnThatChangesOnlyTheUsersSettingsAndLosesToTheirOtherConversationKeepsTheJourneyInProgress()
    {
        // "pause reminders" half-way through a check-in changes the profile, not the conversation: when that write is put
        // onto the fresh record, the check-in's state in it must stay as it was.
        var racing = new RacingStorage(1, Rival.OtherConversation);
        using var host = new BotHost { TestServices = racing.Install };
        var bot = host.Client();
        await bot.SayAsync("check in");

        racing.Armed = true;
        Assert.Contains("paused", await bot.ReadAsync("pause reminders"), StringComparison.Ordinal);
        Assert.Equal(1, racing.RacesLost);
        Assert.Equal(1, racing.OtherConversationWrites());

        // The check-in goes on from its first question.
        Assert.Contains("?", await bot.ReadAsync("3"), StringComparison.Ordinal);
        Assert.Contains("?", await bot.ReadAsync("heavy"), StringComparison.Ordinal);
        Assert.Contains("save", await bot.ReadAsync("a long week"), StringComparison.OrdinalIgnoreCase);
    }

    private enum Rival
    {
        /// <summary>Another run of this same conversation (the same user on two devices, or a retried delivery).</summary>
        SameConversation,

        /// <summary>A turn of the same user's other conversation, which shares their document.</summary>
        OtherConversation,
    }

    /// <summary>
    /// Real file storage with a competing writer: while armed, just before a conditional write of
    /// conversation state (held in the user's document), it writes the stored document (as another instance's turn
    /// would), changing this conversation's state or another conversation's, so the write carries a stale ETag and
    /// must fail.
    /// </summary>
    private sealed class RacingStorage(int racesToLose, Rival rival)
    {
        private const string OtherConversation = "the-users-other-conversation";

        private IStorage? _inner;
        private string? _userKey;
        public bool Armed { get; set; }

        public int RacesToLose => racesToLose;

        public int RacesLost { get; private set; }

        public void Install(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IStorage));
            services.Remove(original);
            services.AddSingleton<IStorage>(sp => new Racer(this, _inner = (IStorage)original.ImplementationFactory!(sp)));
        }

        /// <summary>How many writes of the other conversation the stored document shows now.</summary>
        public int OtherConversationWrites()
        {
            var stored = _inner!.ReadAsync([_userKey!]).GetAwaiter().GetResult();
            var (document, _) = StoreJson.ToDocument(stored[_userKey!]);
            return document[FoldedStateStorage.ConversationsProperty]?[OtherConversation]?.Value<int>("writes") ?? 0;
        }

        private async Task CompeteAsync(IStorage inner, string key, CancellationToken cancellationToken)
        {
            RacesLost++;
            var current = await inner.ReadAsync([key], cancellationToken);
            var (document, etag) = StoreJson.ToDocument(current[key]);
            if (document[FoldedStateStorage.ConversationsProperty] is JObject conversations)
            {
                _userKey = key;
                var changed = rival == Rival.SameConversation
                    ? (JObject)conversations.Properties().First(p => p.Name != OtherConversation).Value
                    : (JObject)(conversations[OtherConversation] ??= new JObject());
                changed["writes"] = (changed.Value<int?>("writes") ?? 0) + 1;
            }

            document[StoreJson.ETagProperty] = etag;
            await inner.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken);
        }

        private sealed class Racer(RacingStorage race, IStorage inner) : IStorage
        {
            public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

            public Task<IDictionary<string, T>> ReadAsync<T>(string[] keys, CancellationToken cancellationToken = default)
                where T : class => inner.ReadAsync<T>(keys, cancellationToken);

            public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

            public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
            {
                // The conversation's state is written inside its user's document (FoldedStateStorage).
                foreach (var key in changes.Keys.Where(k => k.Contains("/conversations/", StringComparison.Ordinal) || k.Contains("/users/", StringComparison.Ordinal)))
                {
                    if (race.Armed && race.RacesLost < race.RacesToLose)
                    {
                        await race.CompeteAsync(inner, key, cancellationToken);
                    }
                }

                await inner.WriteAsync(changes, cancellationToken);
            }
        }
    }
}

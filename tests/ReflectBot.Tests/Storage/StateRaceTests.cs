using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Hosting;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// A turn that loses the state write race: another writer saves the conversation between this turn's
/// read and its write. The turn runs again on fresh state after a short random pause, up to five runs; losing all five, the user is told plainly.
/// Either way no reply of a run whose state was not saved reaches the user.
/// </summary>
public sealed class StateRaceTests
{
    [Fact]
    public async Task ATurnThatLosesTheRaceFourTimesRunsAgainAndAnswersOnce()
    {
        var racing = new RacingStorage(racesToLose: 4);
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
        var racing = new RacingStorage(racesToLose: 5);
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

    /// <summary>
    /// Real file storage with a competing writer: while armed, just before a conditional write of
    /// conversation state (held in the user's document), it rewrites the stored value (as another instance's turn would), so the
    /// write carries a stale ETag and must fail.
    /// </summary>
    private sealed class RacingStorage(int racesToLose)
    {
        public bool Armed { get; set; }

        public int RacesToLose => racesToLose;

        public int RacesLost { get; private set; }

        public void Install(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IStorage));
            services.Remove(original);
            services.AddSingleton<IStorage>(sp => new Racer(this, (IStorage)original.ImplementationFactory!(sp)));
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
                        race.RacesLost++;
                        var current = await inner.ReadAsync([key], cancellationToken);
                        await inner.WriteAsync(new Dictionary<string, object> { [key] = current[key] }, cancellationToken);
                    }
                }

                await inner.WriteAsync(changes, cancellationToken);
            }
        }
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// Two states loaded for one turn: both reads are in flight together, and what they read reaches the turn's
/// own context, without two threads writing its TurnState at once (the crisis path used to load both straight
/// onto the turn's context, and a crisis turn under load could end in a corrupted TurnState).
/// </summary>
public sealed class BotStateLoadsTests
{
    [Fact]
    public async Task BothReadsAreInFlightTogetherAndTheirStatesReachTheTurnsContext()
    {
        var memory = new MemoryStorage();
        var conversation = new ConversationState(memory);
        var user = new UserState(memory);
        var activity = Activity();
        using (var seeding = new TurnContext(new TestAdapter(), activity))
        {
            await conversation.CreateProperty<string>("step").SetAsync(seeding, "asked");
            await user.CreateProperty<string>("region").SetAsync(seeding, "ie");
            await conversation.SaveChangesAsync(seeding);
            await user.SaveChangesAsync(seeding);
        }

        var gate = new TwoReadsGate(memory);
        var gatedConversation = new ConversationState(gate);
        var gatedUser = new UserState(gate);
        using var turn = new TurnContext(new TestAdapter(), activity);

        // The gate lets no read finish until two are waiting: loading one after the other never returns.
        await BotStateLoads.LoadTogetherAsync(turn, [gatedConversation, gatedUser]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("asked", await gatedConversation.CreateProperty<string>("step").GetAsync(turn, () => "none"));
        Assert.Equal("ie", await gatedUser.CreateProperty<string>("region").GetAsync(turn, () => "none"));
        Assert.Equal(2, gate.Reads);
    }

    private static Activity Activity() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: "c1"),
        From = new ChannelAccount("u1"),
        Recipient = new ChannelAccount("bot"),
        Text = "hello",
    };

    private sealed class TwoReadsGate(IStorage inner) : IStorage
    {
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _reads) == 2)
            {
                _both.TrySetResult();
            }

            await _both.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            return await inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}

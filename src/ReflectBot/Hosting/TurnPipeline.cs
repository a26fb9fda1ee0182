using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using ReflectBot.Channels;
using ReflectBot.Channels.Teams;
using ReflectBot.Clinic;
using ReflectBot.Conversation;
using ReflectBot.Kernel;
using ReflectBot.Safety;
using ReflectBot.Storage;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Hosting;

/// <summary>
/// One turn, end to end: the only place that says what runs and in which order (ARCHITECTURE.md, "One turn").
/// Every adapter (/api/messages and the web chat through <see cref="ReflectBotAdapter"/>, the terminal, the
/// safety evaluation) runs exactly these steps around exactly this bot; no step's place comes from the order in
/// which features registered their services.
/// </summary>
public sealed class TurnPipeline
{
    private readonly IServiceProvider _services;

    public TurnPipeline(IServiceProvider services)
    {
        _services = services;
        Middleware =
        [
            // 0. The turn's span and duration (telemetry), around everything below.
            services.GetRequiredService<TurnTelemetryMiddleware>(),

            // 1. Identity: the sender's key from what the channel vouches for; a turn it refuses ends here.
            services.GetRequiredService<IdentityMiddleware>(),

            //    The channel: replies are fitted to it (and to the size limit) whoever sends them, shared
            //    conversations are turned away, and a Teams card action becomes the message it stands for.
            services.GetRequiredService<OutgoingReplies>(),
            services.GetRequiredService<GroupConversationGuard>(),
            services.GetRequiredService<AdaptiveCardActions>(),

            //    The user's state and this conversation's, one document read once for the whole turn.
            services.GetRequiredService<FoldedStateMiddleware>(),

            // 2. The safety screen, then the input limits. Neither touches storage, so the crisis reply goes out
            //    at once, also when storage is down (the screen loads state itself, briefly, only when it reads
            //    risk). The limits come second so a long message that says someone is in danger is still answered.
            services.GetRequiredService<SafetyMiddleware>(),
            services.GetRequiredService<InputLimitsMiddleware>(),

            //    From here on storage: the conversation reference kept current (a fault is logged, the turn goes on).
            services.GetRequiredService<ConversationReferenceRecorder>(),

            //    After steps 3–6 below (state saved, replies sent): a clinic client's time zone is kept and an
            //    assignment that is due but never reached them is shown.
            services.GetRequiredService<ClinicMiddleware>(),
        ];
    }

    /// <summary>What every adapter does when a turn throws.</summary>
    public TurnErrors Errors => _services.GetRequiredService<TurnErrors>();

    /// <summary>The middleware of every turn, in the order they run.</summary>
    public IReadOnlyList<IMiddleware> Middleware { get; }

    /// <summary>
    /// The bot every adapter runs after the middleware: 3. one state load (conversation and user state, read
    /// together); 4. routing (<see cref="TurnRoutes"/>: one table of commands, each dialog's interruption policy);
    /// 5. the dialog in progress; 6. save with ETags, then send the replies held until then.
    /// </summary>
    public IBot CreateBot() => new StateSavingBot(
        _services.GetRequiredService<JournalingBot>(),
        _services.GetRequiredService<ConversationState>(),
        _services.GetRequiredService<UserState>(),
        _services.GetRequiredService<IStorage>(),
        _services.GetRequiredService<StorageReplies>(),
        _services.GetRequiredService<ILogger<StateSavingBot>>());
}

using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReflectBot.Dialogs;
using ReflectBot.Dialogs.Prompts;
using ReflectBot.Kernel;
using ReflectBot.Storage;

namespace ReflectBot.Safety;

/// <summary>
/// The safety screen runs before the bot's state is loaded, so that the crisis reply never waits on
/// storage. When it reads risk it loads this turn's state itself, through the same BotState objects and
/// keys the bot uses, within <see cref="SafetyOptions.StorageWait"/>: its own memory, the user's profile,
/// and what is in progress. When storage fails the reply goes out all the same, without that context.
/// </summary>
public sealed class SafetyTurnState(ConversationState conversationState, UserState userState, IOptions<SafetyOptions> options, ILogger<SafetyTurnState> logger)
{
    private readonly IStatePropertyAccessor<SafetyMemory> _memory = conversationState.CreateProperty<SafetyMemory>(SafetyMemory.Property);
    private readonly IStatePropertyAccessor<DialogState> _dialogs = conversationState.CreateProperty<DialogState>(StateKeys.DialogStateProperty);
    private readonly IStatePropertyAccessor<UserProfile> _profile = userState.CreateProperty<UserProfile>(StateKeys.ProfileProperty);

    public async Task<SafetySnapshot?> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.StorageWait);
        try
        {
            await BotStateLoads.LoadTogetherAsync(turnContext, [conversationState, userState], wait.Token).ConfigureAwait(false);
            var memory = await _memory.GetAsync(turnContext, () => new SafetyMemory(), wait.Token).ConfigureAwait(false);
            var dialogs = await _dialogs.GetAsync(turnContext, () => new DialogState(), wait.Token).ConfigureAwait(false);
            var profile = await _profile.GetAsync(turnContext, () => new UserProfile(), wait.Token).ConfigureAwait(false);
            return new SafetySnapshot(memory, profile, dialogs.DialogStack.FirstOrDefault()?.Id, OpenQuestion(dialogs));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.StorageFailedDuringCrisis(logger, "conversation state", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// The question this message answers, for round ten's closeness rule. A stored stack it cannot read gives none (the
    /// full reply then stands) and never costs the reply its memory and profile.
    /// </summary>
    private static string? OpenQuestion(DialogState dialogs)
    {
        try
        {
            return PromptState.OpenQuestion(dialogs);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Saves the memory (ETag-checked like every state write); a failure is logged, never shown: the reply already went out.</summary>
    public async Task SaveAsync(ITurnContext turnContext, SafetyMemory memory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.StorageWait);
        try
        {
            await _memory.SetAsync(turnContext, memory, wait.Token).ConfigureAwait(false);
            await conversationState.SaveChangesAsync(turnContext, false, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            SafetyLog.BookkeepingFailed(logger, "memory", ex.GetType().Name);
        }
    }

    /// <summary>
    /// The memory inside the bot's own turn (state already loaded), or null when there is none: reading it
    /// must not create it, or every turn of every conversation would write its state.
    /// </summary>
    public Task<SafetyMemory?> PeekInTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        => _memory.GetAsync(turnContext, null, cancellationToken)!;

    /// <summary>The memory inside the bot's own turn, created when there is none (for a reply that changes it).</summary>
    public Task<SafetyMemory> InTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        => _memory.GetAsync(turnContext, () => new SafetyMemory(), cancellationToken);

    public Task SetInTurnAsync(ITurnContext turnContext, SafetyMemory memory, CancellationToken cancellationToken = default)
        => _memory.SetAsync(turnContext, memory, cancellationToken);
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ReflectBot.Storage;

/// <summary>
/// The store under Bot Builder's <c>UserState</c> and <c>ConversationState</c>: it keeps a user's state and the
/// state of their one-to-one conversations in one document, the user's record (<c>StateKeys.User</c>), so a turn
/// costs one read and at most one conditional write. Features keep reading and writing through the usual property
/// accessors and keys; only where the records live changes.
/// <para>
/// Within a turn (<see cref="Open"/>, done by <see cref="FoldedStateMiddleware"/>) reads of the turn's user and
/// conversation keys are answered from that one document, read once, and writes go back into it, with the
/// document's ETag: a user's settings are therefore the same in all their conversations at once (there is no
/// copy to fall behind), and a conversation's turn and a setting changed in another conversation of the same user
/// cannot overwrite each other (the later write fails its ETag and the turn runs again on fresh state).
/// Everything else (other keys, other users' records, work outside a turn) goes straight to the inner store.
/// </para>
/// </summary>
public sealed class FoldedStateStorage : IStorage
{
    /// <summary>The property of a user's document that holds their one-to-one conversations' states, by conversation id.</summary>
    public const string ConversationsProperty = "_conversations";

    // Per turn, and flowing into everything the turn awaits: BotState calls IStorage without its turn context,
    // so the turn's document cannot travel with the call.
    private static readonly AsyncLocal<FoldedStateScope?> Current = new();

    private readonly IStorage _inner;
    private readonly StateDocumentCache? _cache;

    /// <param name="inner">The store the documents are kept in.</param>
    /// <param name="cache">
    /// Recently seen documents, so the bot's turn can start without a read (each use proved by the turn's conditional
    /// write or an ETag read, see <see cref="StateDocumentCache"/>); null reads every turn's document.
    /// </param>
    public FoldedStateStorage(IStorage inner, StateDocumentCache? cache = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _cache = cache is { Enabled: true } ? cache : null;
    }

    /// <summary>The store the documents are kept in.</summary>
    public IStorage Inner => _inner;

    /// <summary>The scope of the turn running in this flow, if any.</summary>
    internal static FoldedStateScope? Scope => Current.Value;

    /// <summary>
    /// Starts the turn's scope for <paramref name="activity"/>'s user and conversation; null (and nothing folded)
    /// when the activity names no user or conversation, or the conversation is shared, whose state is not one
    /// user's. Dispose it when the turn ends.
    /// </summary>
    public IDisposable? Open(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var userId = activity.From?.Id;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(conversationId) || IsShared(activity.Conversation!))
        {
            return null;
        }

        var previous = Current.Value;
        var scope = new FoldedStateScope(_inner, _cache, activity.ChannelId, userId, conversationId, () => Current.Value = previous);
        Current.Value = scope;
        return scope;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var scope = Current.Value;
        if (scope is null || !keys.Any(scope.Holds))
        {
            return await _inner.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        var result = await scope.ReadAsync(keys.Where(scope.Holds).ToArray(), cancellationToken).ConfigureAwait(false);
        var others = keys.Where(key => !scope.Holds(key)).ToArray();
        if (others.Length > 0)
        {
            foreach (var (key, value) in await _inner.ReadAsync(others, cancellationToken).ConfigureAwait(false))
            {
                result[key] = value;
            }
        }

        return result;
    }

    public async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
        => StoreJson.Typed<TStoreItem>(await ReadAsync(keys, cancellationToken).ConfigureAwait(false));

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var scope = Current.Value;
        if (scope is null || !changes.Keys.Any(scope.Holds))
        {
            await WriteAroundAsync(changes, cancellationToken).ConfigureAwait(false);
            return;
        }

        var others = changes.Where(change => !scope.Holds(change.Key)).ToDictionary(change => change.Key, change => change.Value, StringComparer.Ordinal);
        if (others.Count > 0)
        {
            await WriteAroundAsync(others, cancellationToken).ConfigureAwait(false);
        }

        await scope.WriteAsync(changes.Where(change => scope.Holds(change.Key)).ToDictionary(change => change.Key, change => change.Value, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var scope = Current.Value;
        var others = scope is null ? keys : keys.Where(key => !scope.Holds(key)).ToArray();
        if (others.Length > 0)
        {
            Forget(others);
            await _inner.DeleteAsync(others, cancellationToken).ConfigureAwait(false);
        }

        if (scope is not null && keys.Any(scope.Holds))
        {
            await scope.DeleteAsync(keys.Where(scope.Holds).ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }

    // A write that does not go through a turn's scope (another user's record, work outside a turn) makes any copy of
    // the document it writes stale: forget it before and after (a turn starting in between would only lose its write).
    private async Task WriteAroundAsync(IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        Forget(changes.Keys);
        try
        {
            await _inner.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(changes.Keys);
        }
    }

    private void Forget(IEnumerable<string> keys)
    {
        if (_cache is null)
        {
            return;
        }

        foreach (var key in keys)
        {
            _cache.Remove(key);
        }
    }

    // The same test as the channel guard's (a feature this folder must not depend on): group chats and team
    // channels keep their conversation state apart from any one member's record.
    private static bool IsShared(ConversationAccount conversation)
        => conversation.IsGroup == true
            || string.Equals(conversation.ConversationType, "groupChat", StringComparison.OrdinalIgnoreCase)
            || string.Equals(conversation.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using ReflectBot.Kernel;

namespace ReflectBot.Storage;

/// <summary>
/// One turn's view of one user's document (see <see cref="FoldedStateStorage"/>): the user's state properties at
/// the top level and their one-to-one conversations' states under <see cref="FoldedStateStorage.ConversationsProperty"/>, most
/// recently written last. Read once, on the first read of either key; written once, by <see cref="CommitAsync"/>
/// (while <see cref="Defer"/> holds, as during the bot's turn) or at each write (as for the safety screen's own
/// bookkeeping, which saves before the bot runs).
/// </summary>
internal sealed class FoldedStateScope : IDisposable
{
    /// <summary>
    /// How many conversations a user's document holds. A web chat can start a new conversation on every visit; the
    /// oldest beyond this is moved to a record of its own (read back, and taken in again, if it speaks again).
    /// </summary>
    public const int MaxConversations = 16;

    /// <summary>
    /// How many times a write that lost its race only to the user's other conversations is put onto the fresh
    /// document before the turn runs again instead (<see cref="StateSavingBot"/>).
    /// </summary>
    private const int MaxMerges = 3;

    private readonly IStorage _inner;
    private readonly StateDocumentCache? _cache;
    private readonly string? _channelId;
    private readonly string _conversationId;
    private readonly Action _close;
    private readonly string _userKey;
    private readonly string _conversationKey;

    private readonly Lock _gate = new();
    private Task? _loading;
    private bool _found;
    private string? _etag;

    // The document came from the process's copy, not a read: it is proved at the commit (the conditional write, or
    // an ETag read when nothing is written) before any reply of the turn goes out.
    private bool _fromCache;
    private StoredDocument? _freshAfterConflict;
    private JObject _user = [];
    private JObject _conversations = [];

    // A conversation state found in a record of its own (written before folding, or moved out as the oldest):
    // taken into the document, and its own record deleted once the document holding it is written.
    private bool _adopted;

    private bool _deferring;
    private JObject? _pendingUser;
    private JObject? _pendingConversation;
    private bool _conversationRemoved;
    private bool _deleted;

    public FoldedStateScope(IStorage inner, StateDocumentCache? cache, string? channelId, string userId, string conversationId, Action close)
    {
        _inner = inner;
        _cache = cache;
        _channelId = channelId;
        _conversationId = conversationId;
        _close = close;
        _userKey = StateKeys.User(channelId, userId);
        _conversationKey = StateKeys.Conversation(channelId, conversationId);
    }

    public bool Holds(string key) => string.Equals(key, _userKey, StringComparison.Ordinal) || string.Equals(key, _conversationKey, StringComparison.Ordinal);

    /// <summary>
    /// The last commit lost because the run started from a copy that was behind, not to a writer racing it now: the
    /// next run needs no pause (<see cref="StateSavingBot"/>).
    /// </summary>
    public bool RanOnStaleCopy { get; private set; }

    private bool Dirty => _pendingUser is not null || _pendingConversation is not null || _conversationRemoved || _deleted;

    /// <summary>Holds every write of the scope until <see cref="CommitAsync"/>, and forgets what was read: the next read fetches the document again.</summary>
    public void Defer()
    {
        _deferring = true;
        RanOnStaleCopy = false;
        _freshAfterConflict = null;
        lock (_gate)
        {
            _loading = null;
        }

        Discard();
    }

    /// <summary>Forgets what was held back, as when a turn is dropped.</summary>
    public void Discard()
    {
        _pendingUser = null;
        _pendingConversation = null;
        _conversationRemoved = false;
        _deleted = false;
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (string.Equals(key, _userKey, StringComparison.Ordinal))
            {
                var user = _pendingUser ?? (_deleted ? null : _found ? _user : null);
                if (user is not null)
                {
                    result[key] = StoreJson.ToReadResult((JObject)user.DeepClone(), _etag ?? string.Empty);
                }
            }
            else if (CurrentConversation() is { } conversation)
            {
                result[key] = StoreJson.ToReadResult((JObject)conversation.DeepClone(), _etag ?? string.Empty);
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in changes)
        {
            var (document, _) = StoreJson.ToDocument(value);
            if (string.Equals(key, _userKey, StringComparison.Ordinal))
            {
                _pendingUser = document;
            }
            else
            {
                _pendingConversation = document;
                _conversationRemoved = false;
            }
        }

        if (!_deferring)
        {
            await CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var key in keys)
        {
            if (string.Equals(key, _userKey, StringComparison.Ordinal))
            {
                // The whole document goes, the conversations in it with it (as "delete my data" asks).
                _deleted = true;
                _pendingUser = null;
                _pendingConversation = null;
            }
            else
            {
                _conversationRemoved = true;
                _pendingConversation = null;
            }
        }

        if (!_deferring)
        {
            await CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes what changed in one conditional write of the document (create-only when there was none), or deletes
    /// it when all it held was deleted; nothing when nothing changed. A lost race throws
    /// <see cref="ETagConflictException"/> and changes nothing stored.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        _deferring = false;
        if (!Dirty)
        {
            if (_fromCache)
            {
                await ProveCopyAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // What this turn read of the document: if a lost race changed neither, the other writer touched only other
        // conversations, and this turn's write can go onto the fresh document instead of the turn running again.
        var readUser = _user;
        var readConversation = _conversations[_conversationId];
        var user = _pendingUser ?? (_deleted ? [] : _user);
        var conversations = _deleted ? [] : _conversations;
        if (_conversationRemoved || _pendingConversation is not null)
        {
            conversations.Remove(_conversationId);
        }

        if (_pendingConversation is not null)
        {
            conversations[_conversationId] = _pendingConversation;
        }

        if (_deleted && user.Count == 0 && conversations.Count == 0)
        {
            _cache?.Remove(_userKey);
            if (_found)
            {
                await _inner.DeleteAsync(_adopted ? [_userKey, _conversationKey] : [_userKey], cancellationToken).ConfigureAwait(false);
            }

            Loaded(found: false, etag: null, [], []);
            return;
        }

        var spilled = new Dictionary<string, object>(StringComparer.Ordinal);
        while (conversations.Count > MaxConversations && conversations.Properties().First() is { } oldest && oldest.Name != _conversationId)
        {
            oldest.Remove();
            spilled[StateKeys.Conversation(_channelId, oldest.Name)] = oldest.Value;
        }

        var document = Document(user, conversations, _found ? _etag : StoreJson.CreateOnlyETag);

        // The oldest conversation is written to its own record first: if the document's write then fails, the
        // document still holds it (and the copy is overwritten when it moves out again).
        if (spilled.Count > 0)
        {
            await _inner.WriteAsync(spilled, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            document = await WriteDocumentAsync(document, conversations, readUser, readConversation, spilled.Count > 0, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Lost to another writer (the copy, if any, is behind), or the outcome is unknown: the next run starts
            // from the document the conflict check just read, or reads.
            _cache?.Remove(_userKey);
            if (ex is ETagConflictException && _freshAfterConflict is { ETag: { Length: > 0 } etag } fresh)
            {
                _cache?.Set(_userKey, etag, fresh.User, fresh.Conversations);
            }

            if (_fromCache && ex is ETagConflictException)
            {
                RanOnStaleCopy = true;
                ReflectBotTelemetry.StateCache.Add(1, new KeyValuePair<string, object?>("outcome", "stale"));
            }

            throw;
        }

        var written = document.Value<string>(StoreJson.ETagProperty);
        conversations = (JObject?)document[FoldedStateStorage.ConversationsProperty] ?? [];
        document.Remove(StoreJson.ETagProperty);
        document.Remove(FoldedStateStorage.ConversationsProperty);
        var adopted = _adopted && conversations[_conversationId] is not null;
        Loaded(found: true, written, document, conversations);
        if (!string.IsNullOrEmpty(written))
        {
            _cache?.Set(_userKey, written, document, conversations);
        }

        if (adopted)
        {
            // Now that the document holds it, the conversation's own record is a stale copy: remove it.
            await _inner.DeleteAsync([_conversationKey], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The one conditional write of the document; a race lost only to the user's other conversations is written
    /// onto the fresh document (up to <see cref="MaxMerges"/> times). Returns the document as written, with its new ETag.
    /// </summary>
    private async Task<JObject> WriteDocumentAsync(JObject document, JObject conversations, JObject readUser, JToken? readConversation, bool spilled, CancellationToken cancellationToken)
    {
        for (var merges = 0; ; merges++)
        {
            try
            {
                await _inner.WriteAsync(new Dictionary<string, object>(StringComparer.Ordinal) { [_userKey] = document }, cancellationToken).ConfigureAwait(false);
                return document;
            }
            catch (ETagConflictException) when (merges < MaxMerges && _found && !_deleted && !_adopted && !spilled)
            {
                var fresh = await ReadDocumentAsync(cancellationToken).ConfigureAwait(false);
                if (fresh is not { } other
                    || !JToken.DeepEquals(other.User, readUser)
                    || !JToken.DeepEquals(other.Conversations[_conversationId], readConversation)
                    || other.Conversations.Count > MaxConversations)
                {
                    // This turn's own part changed under it (or the document went, or would spill): a real conflict.
                    // What was just read is the freshest there is: the run that follows starts from it.
                    _freshAfterConflict = fresh;
                    throw;
                }

                conversations = other.Conversations;
                conversations.Remove(_conversationId);
                if (_pendingConversation is not null)
                {
                    conversations[_conversationId] = _pendingConversation;
                }

                document = Document(_pendingUser ?? other.User, conversations, other.ETag);
                ReflectBotTelemetry.TurnConflictRetries.Add(1, new KeyValuePair<string, object?>("state", "conversation"), new KeyValuePair<string, object?>("outcome", "merged"));
            }
        }
    }

    /// <summary>
    /// A turn that writes nothing, run on the process's copy, checks that the stored document is still that copy
    /// before its replies go out; if it moved, the copy is dropped and the turn runs again on a fresh read.
    /// </summary>
    private async Task ProveCopyAsync(CancellationToken cancellationToken)
    {
        var stored = await ReadDocumentAsync(cancellationToken).ConfigureAwait(false);
        if (stored is { } current && string.Equals(current.ETag, _etag, StringComparison.Ordinal))
        {
            _fromCache = false;
            return;
        }

        _cache?.Remove(_userKey);
        if (stored is { ETag: { Length: > 0 } etag } fresh)
        {
            _cache?.Set(_userKey, etag, fresh.User, fresh.Conversations);
        }

        RanOnStaleCopy = true;
        ReflectBotTelemetry.StateCache.Add(1, new KeyValuePair<string, object?>("outcome", "stale"));
        throw new ETagConflictException("The user's document changed since this process last saw it.");
    }

    public void Dispose() => _close();

    private JObject? CurrentConversation()
    {
        if (_pendingConversation is not null)
        {
            return _pendingConversation;
        }

        if (_conversationRemoved || _deleted)
        {
            return null;
        }

        return _conversations[_conversationId] as JObject;
    }

    // The conversation's and the user's state are loaded together (Task.WhenAll), so both reads wait on one fetch.
    private Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = LoadAsync(cancellationToken);
            }

            return _loading;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Only the bot's own run takes the copy (its replies are held until the commit proves it); the safety
        // screen's bookkeeping before it, which sends at once, always reads.
        if (_deferring && _cache?.TryGet(_userKey) is { } copy && (copy.Conversations[_conversationId] is not null || !Knows(copy.User)))
        {
            Loaded(found: true, copy.ETag, copy.User, copy.Conversations);
            _fromCache = true;
            ReflectBotTelemetry.StateCache.Add(1, new KeyValuePair<string, object?>("outcome", "hit"));
            return;
        }

        if (await ReadDocumentAsync(cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            Loaded(found: false, etag: null, [], []);
            return;
        }

        var conversations = stored.Conversations;
        Loaded(found: true, stored.ETag, stored.User, conversations);
        if (_cache is not null && !string.IsNullOrEmpty(stored.ETag))
        {
            _cache.Set(_userKey, stored.ETag, stored.User, conversations);
            ReflectBotTelemetry.StateCache.Add(1, new KeyValuePair<string, object?>("outcome", "miss"));
        }

        if (conversations[_conversationId] is null && Knows(stored.User))
        {
            // A conversation the user had before it was folded in (or moved out as the oldest): its own record, once.
            var own = await _inner.ReadAsync([_conversationKey], cancellationToken).ConfigureAwait(false);
            if (own.TryGetValue(_conversationKey, out var value) && value is IDictionary<string, object>)
            {
                var (document, _) = StoreJson.ToDocument(value);
                conversations[_conversationId] = document;
                _adopted = true;
            }
        }
    }

    /// <summary>The user's document as stored now, split into its user part and its conversations; null when there is none.</summary>
    private async Task<StoredDocument?> ReadDocumentAsync(CancellationToken cancellationToken)
    {
        var read = await _inner.ReadAsync([_userKey], cancellationToken).ConfigureAwait(false);
        if (!read.TryGetValue(_userKey, out var raw) || raw is not IDictionary<string, object> stored)
        {
            return null;
        }

        var user = new JObject();
        var conversations = new JObject();
        string? etag = null;
        foreach (var (name, value) in stored)
        {
            if (name == StoreJson.ETagProperty)
            {
                etag = value?.ToString();
            }
            else if (name == FoldedStateStorage.ConversationsProperty)
            {
                conversations = value as JObject ?? JObject.FromObject(value, StoreJson.Serializer);
            }
            else
            {
                user[name] = value as JToken ?? JToken.FromObject(value, StoreJson.Serializer);
            }
        }

        return new StoredDocument(etag, user, conversations);
    }

    private static JObject Document(JObject user, JObject conversations, string? etag)
    {
        var document = new JObject();
        foreach (var property in user.Properties())
        {
            document[property.Name] = property.Value;
        }

        if (conversations.Count > 0)
        {
            document[FoldedStateStorage.ConversationsProperty] = conversations;
        }

        document[StoreJson.ETagProperty] = etag;
        return document;
    }

    /// <summary>Whether the user's profile lists this conversation (a conversation new to them has no record of its own to look for).</summary>
    private bool Knows(JObject user)
        => user[StateKeys.ProfileProperty]?["conversations"] is JArray known
            && known.Any(id => id.Type == JTokenType.String && string.Equals((string?)id, _conversationId, StringComparison.Ordinal));

    private readonly record struct StoredDocument(string? ETag, JObject User, JObject Conversations);

    private void Loaded(bool found, string? etag, JObject user, JObject conversations)
    {
        _found = found;
        _etag = etag;
        _user = user;
        _conversations = conversations;
        _adopted = false;
        _fromCache = false;
        Discard();
    }
}

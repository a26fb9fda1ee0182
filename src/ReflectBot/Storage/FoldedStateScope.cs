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

    // The profile's index named this conversation, but it has no record of its own: the id leaves the index at the
    // next write (profiles written before stop 32 list every conversation, not only those with records).
    private bool _forgetOwn;

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
        PutOwnConversation(conversations);

        // Nor are other such conversations (documents written before stop 32 kept every finished one).
        var pruned = conversations.Properties().Where(p => p.Name != _conversationId && BlankState.Is(p.Value)).ToList();
        foreach (var finished in pruned)
        {
            finished.Remove();
        }

        // Records of the user's conversations kept apart (the index in their profile): gone with the user's data.
        var ownRecords = _deleted ? OwnRecordKeys(_user) : [];
        if (_deleted && user.Count == 0 && conversations.Count == 0)
        {
            _cache?.Remove(_userKey);
            if (_found)
            {
                await _inner.DeleteAsync([_userKey, .. ownRecords, .. _adopted ? [_conversationKey] : Array.Empty<string>()], cancellationToken).ConfigureAwait(false);
            }

            Loaded(found: false, etag: null, [], []);
            return;
        }

        var spilled = new Dictionary<string, object>(StringComparer.Ordinal);
        var spilledIds = new List<string>();
        while (conversations.Count > MaxConversations && conversations.Properties().First() is { } oldest && oldest.Name != _conversationId)
        {
            oldest.Remove();
            spilled[StateKeys.Conversation(_channelId, oldest.Name)] = oldest.Value;
            spilledIds.Add(oldest.Name);
        }

        var indexed = Indexed(user, spilledIds);
        if (!_found && indexed.Count == 0 && conversations.Count == 0)
        {
            // Nothing stored and nothing to store (a new user's blank state).
            Discard();
            return;
        }

        // A turn whose writes leave the document as it was (a finished conversation's blank state, a profile saved
        // unchanged) writes nothing.
        if (_found && !_deleted && !_adopted && pruned.Count == 0 && spilled.Count == 0 && ReferenceEquals(indexed, user)
            && (_pendingUser is null || JToken.DeepEquals(_pendingUser, readUser))
            && JToken.DeepEquals(conversations[_conversationId], readConversation))
        {
            Discard();
            if (_fromCache)
            {
                await ProveCopyAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        user = indexed;
        var document = Document(user, conversations, _found ? _etag : StoreJson.CreateOnlyETag);

        // The oldest conversation is written to its own record first: if the document's write then fails, the
        // document still holds it (and the copy is overwritten when it moves out again).
        if (spilled.Count > 0)
        {
            await _inner.WriteAsync(spilled, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            document = await WriteDocumentAsync(document, user, conversations, readUser, readConversation, spilled.Count > 0, cancellationToken).ConfigureAwait(false);
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
        var adopted = _adopted;
        Loaded(found: true, written, document, conversations);
        if (!string.IsNullOrEmpty(written))
        {
            _cache?.Set(_userKey, written, document, conversations);
        }

        if (adopted || ownRecords.Length > 0)
        {
            // Now that the document holds the conversation (or has dropped it as finished, or removed it), its own record
            // is a stale copy: remove it. Its id stays in the index until a turn finds no record under it, so a failed
            // delete here still leaves the record where "delete my data" looks.
            await _inner.DeleteAsync([.. ownRecords, .. adopted ? [_conversationKey] : Array.Empty<string>()], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The one conditional write of the document; a race lost only to the user's other conversations is written
    /// onto the fresh document (up to <see cref="MaxMerges"/> times). Returns the document as written, with its new ETag.
    /// </summary>
    private async Task<JObject> WriteDocumentAsync(JObject document, JObject user, JObject conversations, JObject readUser, JToken? readConversation, bool spilled, CancellationToken cancellationToken)
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
                PutOwnConversation(conversations);

                // The user part is as this turn read it (checked above), so this turn's user part, index included, stands.
                document = Document(_pendingUser is null ? other.User : user, conversations, other.ETag);
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

    /// <summary>
    /// This turn's change to its own conversation, put into <paramref name="conversations"/> (the document as read, or
    /// a fresher one after a lost race): removed, or replaced by what the turn wrote; left as it is when the turn wrote
    /// nothing to it. A state that holds nothing (no journey open, nothing asked) reads the same as none, so it is not
    /// kept: a web chat that starts a conversation per visit leaves nothing behind each finished visit.
    /// </summary>
    private void PutOwnConversation(JObject conversations)
    {
        if (_conversationRemoved || _pendingConversation is not null)
        {
            conversations.Remove(_conversationId);
        }

        if (_pendingConversation is not null && !BlankState.Is(_pendingConversation))
        {
            conversations[_conversationId] = _pendingConversation;
        }
    }

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
            else
            {
                _forgetOwn = true;
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
    private bool Knows(JObject user) => OwnRecordIds(user).Contains(_conversationId, StringComparer.Ordinal);

    /// <summary>The index of conversations kept in records of their own, as the profile holds it (see UserProfile.Conversations).</summary>
    private static List<string> OwnRecordIds(JObject user)
        => user[StateKeys.ProfileProperty]?[OwnRecordsProperty] is JArray known
            ? [.. known.Where(id => id.Type == JTokenType.String).Select(id => (string)id!)]
            : [];

    private string[] OwnRecordKeys(JObject user) => [.. OwnRecordIds(user).Where(id => id != _conversationId).Select(id => StateKeys.Conversation(_channelId, id))];

    /// <summary>
    /// The user part to write, its index of conversations with records of their own brought up to date: the ids this
    /// write moves out added; every id the stored document listed kept (the turn's copy of the profile may predate a
    /// write earlier in the same turn that added one: an id is never lost to a stale copy); this conversation's id
    /// dropped when a read found no record under it. Unchanged (the same object) when nothing changes.
    /// </summary>
    private JObject Indexed(JObject user, List<string> added)
    {
        var written = OwnRecordIds(user);
        var index = new List<string>(written);
        foreach (var id in (_deleted ? [] : OwnRecordIds(_user)).Concat(added))
        {
            if (!index.Contains(id, StringComparer.Ordinal))
            {
                index.Add(id);
            }
        }

        if (_forgetOwn)
        {
            index.Remove(_conversationId);
        }

        if (index.Count > UserProfile.MaxConversations)
        {
            index.RemoveRange(0, index.Count - UserProfile.MaxConversations);
        }

        if (index.SequenceEqual(written, StringComparer.Ordinal))
        {
            return user;
        }

        // A copy: what this turn read must stay as read (a lost race compares against it).
        var copy = (JObject)user.DeepClone();
        if (copy[StateKeys.ProfileProperty] is not JObject profile)
        {
            profile = [];
            copy[StateKeys.ProfileProperty] = profile;
        }

        profile[OwnRecordsProperty] = new JArray(index);
        return copy;
    }

    /// <summary>The profile's property holding the index (UserProfile.Conversations).</summary>
    private const string OwnRecordsProperty = "conversations";

    private readonly record struct StoredDocument(string? ETag, JObject User, JObject Conversations);

    private void Loaded(bool found, string? etag, JObject user, JObject conversations)
    {
        _found = found;
        _etag = etag;
        _user = user;
        _conversations = conversations;
        _adopted = false;
        _forgetOwn = false;
        _fromCache = false;
        Discard();
    }
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Kernel;
using ReflectBot.Storage;

namespace ReflectBot.Channels;

/// <summary>
/// Where each user's conversation reference (service URL, tenant, conversation, user, bot) is kept, so the
/// bot can write to them first: a reminder, a clinician's assignment. One item per user in the
/// "references" store (which seals it), keyed like the user's other records (<see cref="UserKeys"/>, one segment). Only a
/// reference whose serviceUrl someone vouched for is stored (see ConversationReferenceRecorder).
/// </summary>
public sealed class ConversationReferences([FromKeyedServices(ItemStoreNames.References)] IItemStore store)
{
    private const int MaxRemembered = 10_000;

    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.None,
    };

    // What this instance last read or wrote per user, so a message that changes nothing costs no storage
    // call. Another instance may write in between; the worst case is one redundant write.
    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private int _remembered;

    /// <summary>The user's key for this store, the same as everywhere else (<see cref="UserKeys"/>).</summary>
    public static string KeyOf(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return UserKeys.From(reference.ChannelId, reference.User?.Id ?? string.Empty);
    }

    /// <summary>The reference to store for an incoming activity: without the activity id, with the tenant.</summary>
    public static ConversationReference From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = activity.GetConversationReference();

        // The id of the message being answered changes every turn and means nothing to a later message.
        reference.ActivityId = null;
        if (reference.Conversation is { TenantId: null or "" } conversation
            && (activity as Activity)?.ChannelData is JObject channelData
            && channelData.ToObject<TeamsChannelData>()?.Tenant?.Id is { Length: > 0 } tenant)
        {
            conversation.TenantId = tenant;
        }

        return reference;
    }

    public async Task<ConversationReference?> GetAsync(string userKey, CancellationToken cancellationToken = default)
    {
        UserKeys.EnsureKey(userKey);
        var item = await store.ReadAsync(userKey, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(item.Content.Span);
        Remember(userKey, text);
        return JsonConvert.DeserializeObject<ConversationReference>(text, Json);
    }

    /// <summary>Stores the reference unless the stored one is the same; true when it wrote.</summary>
    public async Task<bool> SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(reference);
        var text = JsonConvert.SerializeObject(reference, Json);
        if (!_known.TryGetValue(key, out var known))
        {
            var stored = await store.ReadAsync(key, cancellationToken).ConfigureAwait(false);
            known = stored is null ? null : Encoding.UTF8.GetString(stored.Content.Span);
        }

        if (string.Equals(known, text, StringComparison.Ordinal))
        {
            Remember(key, text);
            return false;
        }

        await store.WriteAsync(key, Encoding.UTF8.GetBytes(text), cancellationToken: cancellationToken).ConfigureAwait(false);
        Remember(key, text);
        return true;
    }

    public async Task<bool> DeleteAsync(string userKey, CancellationToken cancellationToken = default)
    {
        UserKeys.EnsureKey(userKey);
        if (_known.TryRemove(userKey, out _))
        {
            Interlocked.Decrement(ref _remembered);
        }

        return await store.DeleteAsync(userKey, cancellationToken).ConfigureAwait(false);
    }

    private void Remember(string key, string text)
    {
        // ConcurrentDictionary.Count takes every one of its locks, which concurrent turns queued on: count
        // the users added instead (roughly: two turns may both add one; the bound only needs to hold loosely).
        if (_known.TryGetValue(key, out var known))
        {
            if (!string.Equals(known, text, StringComparison.Ordinal))
            {
                _known[key] = text;
            }

            return;
        }

        if (Interlocked.Increment(ref _remembered) > MaxRemembered)
        {
            _known.Clear();
            Interlocked.Exchange(ref _remembered, 1);
        }

        _known[key] = text;
    }
}

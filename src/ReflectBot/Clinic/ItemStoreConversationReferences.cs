using System.Collections.Concurrent;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using ReflectBot.Conversation;
using ReflectBot.Storage;

namespace ReflectBot.Clinic;

/// <summary>
/// Conversation references on the "references" item store, under clinic/{user}: written only when the
/// conversation changed, so an ordinary turn costs no write.
/// </summary>
public sealed class ItemStoreConversationReferences([FromKeyedServices(ItemStoreNames.References)] IItemStore items) : IConversationReferenceSource
{
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.Ordinal);

    public async Task RecordAsync(IActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.From?.Id) || string.IsNullOrEmpty(activity.ServiceUrl) || activity.Conversation is null)
        {
            return;
        }

        var userId = UserKeys.Of(activity);
        var reference = activity.GetConversationReference();

        // The activity id changes every turn and is not needed to continue the conversation.
        reference.ActivityId = null;
        var json = JsonConvert.SerializeObject(reference, StoreJson.Settings);
        if (_lastWritten.TryGetValue(userId, out var known) && known == json)
        {
            return;
        }

        var stored = await items.ReadAsync(KeyOf(userId), cancellationToken).ConfigureAwait(false);
        if (stored is null || Encoding.UTF8.GetString(stored.Content.Span) != json)
        {
            await items.WriteAsync(KeyOf(userId), Encoding.UTF8.GetBytes(json), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        _lastWritten[userId] = json;
    }

    public async Task<ConversationReference?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var stored = await items.ReadAsync(KeyOf(userId), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonConvert.DeserializeObject<ConversationReference>(Encoding.UTF8.GetString(stored.Content.Span), StoreJson.Settings);
    }

    private static string KeyOf(string userId) => $"clinic/{ClinicKeys.Segment(userId)}";
}

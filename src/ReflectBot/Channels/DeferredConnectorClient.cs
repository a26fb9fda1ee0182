using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace ReflectBot.Channels;

/// <summary>
/// A connector client built on first use. Its members are synchronous, so the first one waits for the
/// inner factory; the SDK's factory completes synchronously unless it must fetch a token, which it does
/// inside the client's own calls, not while building it.
/// </summary>
internal sealed class DeferredConnectorClient(Func<Task<IConnectorClient>> create) : IConnectorClient
{
    private readonly Lazy<IConnectorClient> _client = new(() => create().GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    public Uri BaseUri
    {
        get => _client.Value.BaseUri;
        set => _client.Value.BaseUri = value;
    }

    public JsonSerializerSettings SerializationSettings => _client.Value.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => _client.Value.DeserializationSettings;

    public ServiceClientCredentials Credentials => _client.Value.Credentials;

    public IAttachments Attachments => _client.Value.Attachments;

    public IConversations Conversations => _client.Value.Conversations;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}

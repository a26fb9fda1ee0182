using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace ReflectBot.Channels;

/// <summary>Hands out connector clients that the inner factory builds on their first use (see <see cref="DeferredClientsAuthentication"/>).</summary>
internal sealed class DeferredConnectorFactory(ConnectorFactory inner) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
        => Task.FromResult<IConnectorClient>(new DeferredConnectorClient(() => inner.CreateAsync(serviceUrl, audience, CancellationToken.None)));
}

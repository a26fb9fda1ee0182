namespace ReflectBot.Channels;

/// <summary>
/// The HttpClient factory handed to the Bot Framework authentication. The SDK's connector factory asks for
/// the default client (<c>CreateClient()</c> with no name); this one answers with the named client that
/// carries <see cref="ConnectorRetryHandler"/>, so only the bot's own connector calls get the retries.
/// </summary>
public sealed class ConnectorHttpClientFactory(IHttpClientFactory inner) : IHttpClientFactory
{
    public const string ClientName = "BotConnector";

    public HttpClient CreateClient(string name) => inner.CreateClient(ClientName);
}

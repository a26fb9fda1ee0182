using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// Azure's Direct Line, for the page in Azure: exchanges the secret (which never leaves this host) for a token
/// bound to a user id this host chose, with the app's own origin as the only trusted origin (Direct Line's
/// enhanced authentication): POST {endpoint}v3/directline/tokens/generate, the secret as bearer, body
/// <c>{ "user": { "id": ... }, "trustedOrigins": [ ... ] }</c>.
/// </summary>
public sealed class DirectLineTokenExchange(IHttpClientFactory clients, IOptions<WebChatOptions> options, IOptions<JournalOptions> journal)
{
    public const string ClientName = "DirectLine";

    public sealed record Grant(string ConversationId, string Token, int ExpiresIn);

    /// <summary>A token for <paramref name="userId"/>, or null when Direct Line refused or could not be reached.</summary>
    public async Task<Grant?> GenerateAsync(string userId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var origin = new Uri(journal.Value.PublicBaseUrl!).GetLeftPart(UriPartial.Authority);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.DirectLineEndpoint, "v3/directline/tokens/generate"))
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId },
                ["trustedOrigins"] = new JsonArray(origin),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.DirectLineSecret);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            return body?["token"]?.GetValue<string>() is { Length: > 0 } token && body["conversationId"]?.GetValue<string>() is { Length: > 0 } conversation
                ? new Grant(conversation, token, body["expires_in"]?.GetValue<int>() ?? 1800)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

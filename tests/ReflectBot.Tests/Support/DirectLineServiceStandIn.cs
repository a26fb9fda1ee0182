using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReflectBot.Tests.Support;

/// <summary>
/// A loopback stand-in for Azure's Direct Line token API (directline.botframework.com cannot be reached from
/// here): POST /v3/directline/tokens/generate with the secret as bearer and a body naming the user and the
/// trusted origins, as the real service takes it. It checks the secret and keeps what it was asked for.
/// </summary>
public sealed class DirectLineServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DirectLineServiceStandIn(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    public string Secret { get; }

    public Uri BaseAddress => new(_app.Urls.First().TrimEnd('/') + "/");

    /// <summary>The bodies of the token requests that carried the right secret.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public int Refused { get; private set; }

    public static async Task<DirectLineServiceStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new DirectLineServiceStandIn(app, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        app.MapPost("/v3/directline/tokens/generate", async (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization != $"Bearer {standIn.Secret}")
            {
                standIn.Refused++;
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!.AsObject();
            standIn.Requests.Enqueue(body);
            return Results.Json(new { conversationId = "dl-conv-" + Guid.NewGuid().ToString("N"), token = "dl-token-" + Guid.NewGuid().ToString("N"), expires_in = 1800 });
        });
        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

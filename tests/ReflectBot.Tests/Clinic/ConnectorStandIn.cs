using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Microsoft.Bot.Schema;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// A local Bot Connector stand-in on 127.0.0.1: records what the bot posts to
/// /v3/conversations/{id}/activities, the way CloudAdapter delivers a proactive message with no app id.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorStandIn(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<(string ConversationId, Activity Activity)> Posts { get; } = new();

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ConnectorStandIn? self = null;
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (string conversationId, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync())!;
            self!.Posts.Enqueue((conversationId, activity));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new ConnectorStandIn(app, url.TrimEnd('/') + "/");
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace ReflectBot.Tests.Support;

/// <summary>
/// The one Bot Framework connector stand-in of the tests, on 127.0.0.1 (the real one, Teams' or Azure's service
/// URL, is unreachable from here): it records every activity the bot's CloudAdapter posts to
/// /v3/conversations/{id}/activities (replies and proactive messages alike), and can answer the next calls with
/// chosen error statuses first.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private int _attempts;

    private ConnectorStandIn(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>Every activity delivered (answered 200), in order.</summary>
    public ConcurrentQueue<Activity> Delivered { get; } = new();

    /// <summary>Every activity delivered, with the conversation it was posted to.</summary>
    public ConcurrentQueue<(string ConversationId, Activity Activity)> Posts { get; } = new();

    /// <summary>Every POST received, including those answered with an error.</summary>
    public int Attempts => _attempts;

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", standIn.ReceiveAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", standIn.ReceiveAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        standIn.Url = addresses.Addresses.Single().TrimEnd('/') + "/";
        return standIn;
    }

    /// <summary>How long each call waits before it is answered (a slow or distant channel).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next calls are answered with these statuses (and a Retry-After of zero), one each.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>The delivered messages' text and card text, joined, as a person would read them.</summary>
    public string Read() => BotClient.Read(Delivered.Where(a => a.Type == ActivityTypes.Message));

    /// <summary>Removes and returns what was delivered so far.</summary>
    public List<Activity> Take()
    {
        var taken = new List<Activity>();
        while (Delivered.TryDequeue(out var activity))
        {
            taken.Add(activity);
        }

        return taken;
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        Interlocked.Increment(ref _attempts);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (_failures.TryDequeue(out var status))
        {
            http.Response.StatusCode = status;
            http.Response.Headers.RetryAfter = "0";
            return;
        }

        var activity = JsonConvert.DeserializeObject<Activity>(body)!;
        Delivered.Enqueue(activity);
        Posts.Enqueue(((string)http.Request.RouteValues["conversationId"]!, activity));
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonConvert.SerializeObject(new ResourceResponse(Guid.NewGuid().ToString("N"))));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace ReflectBot.Tests.Support;

/// <summary>
/// The real host (Program, CloudAdapter, /api/messages) in memory, on its own data folder. Settings are
/// Bot Framework configuration keys, e.g. ("MicrosoftAppId", "...").
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotHost(string? dataPath = null, params (string Key, string? Value)[] settings)
    {
        DataPath = dataPath ?? TempFolder.Create();
        _settings = settings.ToDictionary(s => s.Key, s => s.Value);
        _settings["Storage:DataPath"] = DataPath;
    }

    public string DataPath { get; }

    /// <summary>Changes to the host's services after the app's own registrations (test doubles around real parts).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (ConfigureServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public BotClient Client(string userId = "user-1", string conversationId = "conv-1", string channelId = "webchat")
        => new(CreateClient(), userId, conversationId, channelId);
}

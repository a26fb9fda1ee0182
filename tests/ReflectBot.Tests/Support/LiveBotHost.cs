using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReflectBot.Tests.Support;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port, for whatever needs real sockets: a browser, and
/// the bot's connector client posting replies back to the host's own connector routes.
/// </summary>
public sealed class LiveBotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    public LiveBotHost(TimeProvider? time = null, params (string Key, string? Value)[] settings)
    {
        _time = time;
        _settings = settings.ToDictionary(s => s.Key, s => s.Value);

        // A data folder given in the settings is used as is, so a second host can start on the first's data.
        DataPath = _settings.GetValueOrDefault("Storage:DataPath") ?? TempFolder.Create();
        _settings["Storage:DataPath"] = DataPath;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public string DataPath { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        if (_time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
        }
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReflectBot.Tests.Support;

/// <summary>
/// The one host builder of the tests: the real app (Program: CloudAdapter, /api/messages, every feature) on a
/// data folder of its own, configured by settings (Bot Framework and app keys, e.g. ("MicrosoftAppId", "...")),
/// with services a test replaces after the app registered its own (a fake clock, a failing store, a log sink).
/// In memory (<see cref="BotHost"/>, the clinic's host) or on Kestrel at 127.0.0.1 (<see cref="LiveBotHost"/>).
/// </summary>
public abstract class ReflectBotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    /// <param name="settings">Configuration; a <c>Storage:DataPath</c> among them is used as is, so a second host can start on the first's data.</param>
    /// <param name="dataPath">The data folder; by default the settings' one, else a new temporary folder.</param>
    protected ReflectBotHost(IEnumerable<(string Key, string? Value)> settings, string? dataPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        DataPath = dataPath ?? _settings.GetValueOrDefault("Storage:DataPath") ?? TempFolder.Create();
        _settings["Storage:DataPath"] = DataPath;
    }

    public string DataPath { get; }

    /// <summary>Changes to the host's services after the app registered its own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public T Get<T>()
        where T : notnull
        => Services.GetRequiredService<T>();

    /// <summary>A change to the services that a host kind always makes (before <see cref="TestServices"/>); call it from the constructor.</summary>
    protected void ReplaceServices(Action<IServiceCollection> configure) => _services.Add(configure);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }

            TestServices?.Invoke(services);
        });
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// The real host with the clinic configured (two clinicians on the web chat channel), its clock replaced by
/// a <see cref="FakeTimeProvider"/>, and the background scheduler off unless asked for, so tests run
/// delivery rounds themselves. It has an app id and trusts the Bot Framework stand-in: every activity carries
/// a channel token, as from Azure's web chat, since configured clinicians are honoured only when a channel
/// vouches for who is talking.
/// </summary>
public sealed class ClinicHost : WebApplicationFactory<Program>
{
    public const string ClinicianA = "clinician-a";
    public const string ClinicianB = "clinician-b";

    /// <summary>Monday 20 October 2025, 09:00 UTC: the week before the clocks go back in Europe, two weeks before the US.</summary>
    public static readonly DateTimeOffset Start = new(2025, 10, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ClinicHost(FakeTimeProvider time, string? dataPath = null, bool scheduler = false, Action<IServiceCollection>? services = null, IEnumerable<(string Key, string? Value)>? settings = null)
    {
        Time = time;
        DataPath = dataPath ?? TempFolder.Create();
        _services = services;
        _settings = new(BotFrameworkStandIn.Shared.HostSettings(AppId).ToDictionary(s => s.Key, s => s.Value))
        {
            ["Storage:DataPath"] = DataPath,
            ["Clinic:ClinicianUserKeys:0"] = $"webchat/{ClinicianA}",
            ["Clinic:ClinicianUserKeys:1"] = $"webchat/{ClinicianB}",
            ["Clinic:Scheduler:Enabled"] = scheduler ? "true" : "false",
            ["Clinic:Scheduler:Interval"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public FakeTimeProvider Time { get; }

    public string AppId { get; } = Guid.NewGuid().ToString();

    public string DataPath { get; }

    public ClinicUser User(string id, string name, string timeZone = "Europe/London", string? serviceUrl = null)
        => new(new BotClient(CreateClient(), id, $"conv-{id}", "webchat") { TimeZone = timeZone, Token = a => BotFrameworkStandIn.Shared.ChannelToken(AppId, a.ServiceUrl) }, name, serviceUrl);

    public T Get<T>()
        where T : notnull
        => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }

    public static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? Start);

    /// <summary>One delivery round as the scheduler runs it (lease, then claims).</summary>
    public Task<DeliveryRound> RoundAsync() => Get<AssignmentDelivery>().RunRoundAsync();
}

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
public sealed class ClinicHost : ReflectBotHost
{
    public const string ClinicianA = "clinician-a";
    public const string ClinicianB = "clinician-b";

    /// <summary>Monday 20 October 2025, 09:00 UTC: the week before the clocks go back in Europe, two weeks before the US.</summary>
    public static readonly DateTimeOffset Start = new(2025, 10, 20, 9, 0, 0, TimeSpan.Zero);

    public ClinicHost(FakeTimeProvider time, string? dataPath = null, bool scheduler = false, Action<IServiceCollection>? services = null, IEnumerable<(string Key, string? Value)>? settings = null)
        : this(Guid.NewGuid().ToString(), time, dataPath, scheduler, services, settings)
    {
    }

    private ClinicHost(string appId, FakeTimeProvider time, string? dataPath, bool scheduler, Action<IServiceCollection>? services, IEnumerable<(string Key, string? Value)>? settings)
        : base(
        [
            .. BotFrameworkStandIn.Shared.HostSettings(appId),
            ("Clinic:ClinicianUserKeys:0", $"webchat/{ClinicianA}"),
            ("Clinic:ClinicianUserKeys:1", $"webchat/{ClinicianB}"),
            ("Clinic:Scheduler:Enabled", scheduler ? "true" : "false"),
            ("Clinic:Scheduler:Interval", "00:01:00"),
            .. settings ?? [],
        ], dataPath)
    {
        AppId = appId;
        Time = time;
        ReplaceServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(time);
            services?.Invoke(s);
        });
    }

    public FakeTimeProvider Time { get; }

    public string AppId { get; }

    public BotClient User(string id, string name, string timeZone = "Europe/London", string? serviceUrl = null)
        => new(CreateClient(), id, $"conv-{id}", "webchat")
        {
            Name = name,
            ServiceUrl = serviceUrl,
            TimeZone = timeZone,
            Token = a => BotFrameworkStandIn.Shared.ChannelToken(AppId, a.ServiceUrl),
        };

    /// <summary>A Teams user (channel msteams, an Entra object id), with a channel token as the Bot Connector signs one.</summary>
    public BotClient TeamsUser(string id, string name, string aadObjectId)
        => new(CreateClient(), id, $"a:1personal-{id}", "msteams")
        {
            Name = name,
            AadObjectId = aadObjectId,
            TimeZone = "Europe/London",
            Token = a => BotFrameworkStandIn.Shared.ChannelToken(AppId, a.ServiceUrl),
        };

    public static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? Start);

    /// <summary>One delivery round as the scheduler runs it (lease, then claims).</summary>
    public Task<DeliveryRound> RoundAsync() => Get<AssignmentDelivery>().RunRoundAsync();
}

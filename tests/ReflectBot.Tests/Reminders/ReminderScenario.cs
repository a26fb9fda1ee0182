using Microsoft.Extensions.Time.Testing;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Reminders;

/// <summary>
/// What the reminder tests share: the real host over HTTP with a fake clock and the scheduler's round, posting through
/// the real proactive path to a connector stand-in on 127.0.0.1. The clock starts on Monday 20 October 2025, 10:00 in
/// London (09:00 UTC).
/// </summary>
public abstract class ReminderScenario : IAsyncLifetime, IDisposable
{
    protected FakeTimeProvider Time { get; } = ClinicHost.Clock();

    protected ClinicHost Host { get; private set; } = null!;

    protected ConnectorStandIn Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStandIn.StartAsync();
        Host = new ClinicHost(Time);
    }

    public async Task DisposeAsync() => await Connector.DisposeAsync();

    public void Dispose()
    {
        Host?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected BotClient Person(ClinicHost? host = null) => (host ?? Host).User("person-1", "Sam", serviceUrl: Connector.Url);

    protected void At(int day, int hourUtc, int minute = 1) => Time.SetUtcNow(new DateTimeOffset(2025, 10, day, hourUtc, minute, 0, TimeSpan.Zero));
}

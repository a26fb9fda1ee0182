using Microsoft.Extensions.Time.Testing;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// Two clinic hosts on one shared store and one clock, with a connector stand-in that records what they send:
/// the set-up of every "written once, run on both backends" delivery contract. A subclass says how the two
/// instances share their store (one data folder, or one Azurite).
/// </summary>
public abstract class TwoClinicInstances : IAsyncLifetime, IDisposable
{
    protected FakeTimeProvider Time { get; } = ClinicHost.Clock();

    protected ConnectorStandIn Connector { get; private set; } = null!;

    protected ClinicHost First { get; private set; } = null!;

    protected ClinicHost Second { get; private set; } = null!;

    /// <summary>Two instances on one shared store.</summary>
    protected abstract (ClinicHost First, ClinicHost Second) CreateInstances(FakeTimeProvider time);

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStandIn.StartAsync();
        (First, Second) = CreateInstances(Time);
    }

    public async Task DisposeAsync() => await Connector.DisposeAsync();

    public void Dispose()
    {
        First?.Dispose();
        Second?.Dispose();
        GC.SuppressFinalize(this);
    }
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Clinic;

/// <summary>Where the clinic meets the other features: journeys typed by command, help and cancel, deleting one's data.</summary>
public sealed class SeamTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 10, 20, 18, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = ClinicHost.Clock();
    private readonly ClinicHost _host;

    public SeamTests() => _host = new ClinicHost(_time);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AnAssignedJourneyTypedByItsCommandIsMarkedDone()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, "Sam", "Daily check-in", "every day at 7pm");
        var assignment = Assert.Single(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));

        _time.SetUtcNow(Monday.AddMinutes(5));
        await client.CheckInAsync(6);

        Assert.Equal(OccurrenceState.Done, (await _host.Get<Assignments>().OccurrenceAsync(assignment.Id, Monday))!.Value.State);
    }

    [Fact]
    public async Task HelpAndCancelInTheAssignDialogNameIt()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());

        Assert.Contains("Which client", await clinician.ReadAsync("assign"), StringComparison.Ordinal);
        var help = await clinician.ReadAsync("help");
        Assert.Contains("You're in the assignment, question 1 of 6", help, StringComparison.Ordinal);
        Assert.Contains("Which client", help, StringComparison.Ordinal);
        Assert.Contains("stopped the assignment", await clinician.ReadAsync("cancel"), StringComparison.Ordinal);
        Assert.Empty(await _host.Get<Assignments>().ActiveOfClientAsync(client.Key));
    }

    [Fact]
    public async Task HelpWhileConnectingNamesTheConnection()
    {
        var code = await _host.User(ClinicHost.ClinicianA, "Dr A").NewCodeAsync();
        var client = _host.User("client-1", "Sam");
        await client.SayAsync($"connect {code}");
        await client.SayAsync("yes");
        Assert.Contains("connection with your clinician, question 2 of 4", await client.ReadAsync("help"), StringComparison.Ordinal);
        Assert.Contains("stopped the connection with your clinician", await client.ReadAsync("cancel"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheirDataLeavesNothingOfTheClientInTheClinicOrReferenceStores()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, "Sam", "Daily check-in", "every day at 7pm");
        _time.SetUtcNow(Monday.AddMinutes(5));
        Assert.Contains("asked you to take", await client.ReadAsync("hello"), StringComparison.Ordinal);
        await client.CheckInAsync(5);
        await client.SayAsync("share entry 1");

        await client.SayAsync("delete my data");
        var done = await client.ReadAsync("yes, delete everything");
        Assert.Contains("connections with clinicians", done, StringComparison.Ordinal);

        foreach (var name in new[] { ItemStoreNames.Clinic, ItemStoreNames.References })
        {
            var store = _host.Services.GetRequiredKeyedService<IItemStore>(name);
            await foreach (var key in store.ListAsync(string.Empty))
            {
                Assert.DoesNotContain("client-1", key, StringComparison.Ordinal);
                var item = await store.ReadAsync(key);
                Assert.DoesNotContain("client-1", Encoding.UTF8.GetString(item!.Content.Span), StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("Sam", await clinician.ReadAsync("clients"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClinicianDeletingTheirDataEndsTheirLinksAndLeavesNothingOfThemInTheClinicStore()
    {
        var clinician = _host.User(ClinicHost.ClinicianA, "Dr A");
        var client = _host.User("client-1", "Sam");
        await client.ConnectAsync(await clinician.NewCodeAsync());
        await AssignTests.AssignAsync(clinician, "Sam", "Daily check-in", "every day at 7pm");
        await clinician.NewCodeAsync();

        await clinician.SayAsync("delete my data");
        var done = await clinician.ReadAsync("yes, delete everything");
        Assert.Contains("your clients' connections", done, StringComparison.Ordinal);

        var store = _host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Clinic);
        await foreach (var key in store.ListAsync(string.Empty))
        {
            Assert.DoesNotContain(ClinicHost.ClinicianA, key, StringComparison.Ordinal);
            var item = await store.ReadAsync(key);
            var text = Encoding.UTF8.GetString(item!.Content.Span);
            Assert.DoesNotContain(ClinicHost.ClinicianA, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Dr A", text, StringComparison.Ordinal);
        }

        // The client sees the link gone and nothing assigned.
        Assert.DoesNotContain("Dr A", await client.ReadAsync("my clinician"), StringComparison.Ordinal);
        Assert.DoesNotContain("Daily check-in", await client.ReadAsync("my assignments"), StringComparison.Ordinal);
    }
}

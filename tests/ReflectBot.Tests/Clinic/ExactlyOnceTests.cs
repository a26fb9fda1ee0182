using Microsoft.Extensions.Time.Testing;
using ReflectBot.Clinic;
using ReflectBot.Storage.Leases;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Clinic;

/// <summary>
/// Two instances on one store delivering together: each occurrence goes out once; after a crash between
/// sending and confirming it goes out at most once more (the guarantee: at least once, at most twice).
/// Written once, run on both backends: two hosts on one data folder (file lock lease), and two hosts on
/// one Azurite (blob lease).
/// </summary>
public abstract class ExactlyOnceContract : TwoClinicInstances
{
    private static readonly DateTimeOffset Due = new(2025, 10, 20, 18, 0, 0, TimeSpan.Zero);

    private async Task<List<Assignment>> ThreeClientsDueAsync()
    {
        var clinician = First.User(ClinicHost.ClinicianA, "Dr A");
        var result = new List<Assignment>();
        foreach (var id in new[] { "client-1", "client-2", "client-3" })
        {
            var client = First.User(id, id, serviceUrl: Connector.Url);
            await client.ConnectAsync(await clinician.NewCodeAsync());
            await AssignTests.AssignAsync(clinician, id, "Daily check-in", "every day at 7pm");
            result.Add(Assert.Single(await First.Get<Assignments>().ActiveOfClientAsync(client.Key)));
        }

        Time.SetUtcNow(Due.AddMinutes(1));
        return result;
    }

    [Fact]
    public async Task TwoInstancesRunningRoundsTogetherDeliverEachOccurrenceOnce()
    {
        await ThreeClientsDueAsync();
        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(_ => new[] { First.RoundAsync(), Second.RoundAsync() }));

        Assert.Equal(3, rounds.Sum(r => r.Sent));
        Assert.Equal(3, Connector.Posts.Count);
        Assert.Equal(["conv-client-1", "conv-client-2", "conv-client-3"], Connector.Posts.Select(p => p.ConversationId).Order().ToArray());
    }

    [Fact]
    public async Task EvenWithoutTheLeaseTheDeliveryMarksAloneKeepEachOccurrenceToOneSend()
    {
        await ThreeClientsDueAsync();
        var a = First.Get<AssignmentDelivery>();
        var b = Second.Get<AssignmentDelivery>();
        await Task.WhenAll(Enumerable.Range(0, 6).SelectMany(_ => new[] { a.DeliverDueAsync(), b.DeliverDueAsync() }));

        Assert.Equal(3, Connector.Posts.Count);
        Assert.Equal(3, Connector.Posts.Select(p => p.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task OnlyTheLeaseHolderRunsARound()
    {
        await ThreeClientsDueAsync();
        await using (var held = await First.Get<ILeaderLease>().TryAcquireAsync(AssignmentDelivery.LeaseName))
        {
            Assert.NotNull(held);
            Assert.Equal(new DeliveryRound(false, 0, 0), await Second.RoundAsync());
            Assert.Empty(Connector.Posts);
        }

        Assert.Equal(3, (await Second.RoundAsync()).Sent);
    }

    [Fact]
    public async Task AClaimLeftByACrashedInstanceIsSentOnceMoreAfterTheTimeoutAndNeverAThirdTime()
    {
        var assignments = await ThreeClientsDueAsync();
        var store = First.Get<ClinicStore>();

        // Instance X claimed client-1's occurrence, may have sent it, and died before confirming.
        var crashed = new OccurrenceRecord { AssignmentId = assignments[0].Id, DueUtc = Due, State = OccurrenceState.Claimed, Attempts = 1, ClaimedUtc = Time.GetUtcNow(), By = "crashed" };
        await store.WriteAsync(ClinicKeys.Occurrence(assignments[0].Id, Due), crashed);

        Assert.Equal(2, (await Second.RoundAsync()).Sent);
        Assert.DoesNotContain(Connector.Posts, p => p.ConversationId == "conv-client-1");

        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, (await First.RoundAsync()).Sent);
        Assert.Single(Connector.Posts, p => p.ConversationId == "conv-client-1");
        var resent = (await store.GetAsync<OccurrenceRecord>(ClinicKeys.Occurrence(assignments[0].Id, Due)))!;
        Assert.Equal(OccurrenceState.Sent, resent.State);
        Assert.Equal(2, resent.Attempts);

        // A second crash after the second send: the budget is spent, nothing more goes out.
        resent.State = OccurrenceState.Claimed;
        resent.ClaimedUtc = Time.GetUtcNow();
        await store.WriteAsync(ClinicKeys.Occurrence(assignments[0].Id, Due), resent);
        Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await Second.RoundAsync()).Sent);
        Assert.Equal(3, Connector.Posts.Count);
    }
}

/// <summary>Two hosts on one data folder: the file backend and its file-lock lease.</summary>
public sealed class FileExactlyOnceTests : ExactlyOnceContract
{
    protected override (ClinicHost First, ClinicHost Second) CreateInstances(FakeTimeProvider time)
    {
        var data = TempFolder.Create();
        return (new ClinicHost(time, data), new ClinicHost(time, data));
    }
}

/// <summary>Two hosts on one Azurite: the blob backend and its blob lease.</summary>
public sealed class BlobExactlyOnceTests(AzuriteFixture azurite) : ExactlyOnceContract, IClassFixture<AzuriteFixture>
{
    protected override (ClinicHost First, ClinicHost Second) CreateInstances(FakeTimeProvider time)
    {
        var settings = BlobBotHost.Settings(azurite.ConnectionString, AzuriteFixture.UniquePrefix());
        return (new ClinicHost(time, settings: settings), new ClinicHost(time, settings: settings));
    }
}

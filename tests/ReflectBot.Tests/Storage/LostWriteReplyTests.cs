using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// A state write that reached the store but whose reply was lost: the blob client sends it again with the same
/// condition, which now fails on the write itself (412). Seen in the peer benchmark under full load: three turns were
/// run twice, each message answered as the answer to the next question. The store is real (Azurite); only the reply of
/// one write is dropped, by a policy in the blob client's own pipeline, after the write went through.
/// </summary>
public sealed class LostWriteReplyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AWriteWhoseReplyWasLostIsNotMistakenForSomeoneElsesAndTheMessageCountsOnce()
    {
        var lostReply = new LoseOneStateWriteReply();
        var prefix = AzuriteFixture.UniquePrefix();
        var logs = new LogCollector();
        using var host = BlobBotHost.Create(azurite.ConnectionString, prefix, services => services.AddSingleton<ILoggerProvider>(logs).AddSingleton(_ => ClientLosing(lostReply)));
        var client = host.Client("user-lost-reply", "conv-lost-reply");

        await client.SayAsync("check in");
        await client.SayAsync("7");
        lostReply.Arm();
        var afterFeelings = BotClient.Read(await client.SayAsync("calm, tired"));

        Assert.Equal(1, lostReply.Dropped);
        Assert.True(ContentFolders.Asks(afterFeelings, "daily-check-in", "on-mind"), $"after the feelings, the next question, not: {afterFeelings}");
        var afterOnMind = BotClient.Read(await client.SayAsync("work was long"));
        Assert.Contains("journal", afterOnMind, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Saved", BotClient.Read(await client.SayAsync("yes")), StringComparison.Ordinal);

        var entry = Assert.Single(await host.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-lost-reply")));
        Assert.Equal("calm, tired", entry.Answers["feelings"]);
        Assert.Equal("work was long", entry.Answers["on-mind"]);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 3004);
    }

    [Fact]
    public async Task ANewUsersFirstWriteWhoseReplyWasLostIsFoundAsWrittenAndTheTurnRunsOnce()
    {
        var lostReply = new LoseOneStateWriteReply();
        var logs = new LogCollector();
        using var host = BlobBotHost.Create(azurite.ConnectionString, AzuriteFixture.UniquePrefix(), services => services.AddSingleton<ILoggerProvider>(logs).AddSingleton(_ => ClientLosing(lostReply)));
        var client = host.Client("user-lost-create", "conv-lost-create");

        // The user's document does not exist yet: its first write is create-only, and its retry fails with 409.
        lostReply.Arm();
        var first = BotClient.Read(await client.SayAsync("check in"));

        Assert.Equal(1, lostReply.Dropped);
        Assert.True(ContentFolders.Asks(first, "daily-check-in", "mood"), $"the check-in's first question, once, not: {first}");
        Assert.True(ContentFolders.Asks(BotClient.Read(await client.SayAsync("7")), "daily-check-in", "feelings"));

        // Found as written, not taken for another writer's: the turn was not run again (its re-run would have looked
        // the same here, as "check in" starts the check-in afresh, but would have been the message counted twice).
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 3004);
    }

    private BlobServiceClient ClientLosing(LoseOneStateWriteReply lostReply)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(lostReply, HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(azurite.ConnectionString, options);
    }

    /// <summary>Once armed, lets the next conditional write (If-Match or create-only) of a state document through, then loses its reply.</summary>
    private sealed class LoseOneStateWriteReply : HttpPipelinePolicy
    {
        private int _armed;
        private int _dropped;

        public int Dropped => Volatile.Read(ref _dropped);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            LoseReplyIfArmed(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            LoseReplyIfArmed(message);
        }

        private void LoseReplyIfArmed(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Put
                && (message.Request.Headers.TryGetValue("If-Match", out _) || message.Request.Headers.TryGetValue("If-None-Match", out _))
                && message.Request.Uri.Path.Contains("state/", StringComparison.Ordinal)
                && message.Response.Status is >= 200 and < 300
                && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref _dropped);
                throw new IOException("The connection closed before the write's reply arrived.");
            }
        }
    }
}

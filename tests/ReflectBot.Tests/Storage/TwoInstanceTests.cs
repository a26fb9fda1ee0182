using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ReflectBot.Journal;
using ReflectBot.Kernel;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Storage;

/// <summary>
/// Two host instances on one Azurite, as two App Service instances on one storage account: 50
/// conversations, each message landing on either instance, several check-ins each.
/// </summary>
public sealed class TwoInstanceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Conversations = 50;
    private const int CheckInsEach = 2;

    [Fact]
    public async Task FiftyConversationsSpreadOverTwoInstancesKeepEveryAcknowledgedEntryExactlyOnce()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        using var first = BlobBotHost.Create(azurite.ConnectionString, prefix);
        using var second = BlobBotHost.Create(azurite.ConnectionString, prefix);
        var hosts = new[] { first, second };
        var acknowledged = new ConcurrentBag<(string User, string EntryId)>();
        var unexpected = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(16);

        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                // Two conversations per user, so user state is shared across instances too.
                var user = $"user-{i % 25}";
                var conversation = $"conv-{i}";
                var clients = hosts.Select(h => h.Client(user, conversation)).ToArray();
                var turn = i;
                for (var checkIn = 0; checkIn < CheckInsEach; checkIn++)
                {
                    foreach (var text in new[] { "check in", "4", "steady", "a quiet day" })
                    {
                        var replies = BotClient.Read(await clients[turn++ % 2].SayAsync(text));
                        if (!replies.Contains('?', StringComparison.Ordinal))
                        {
                            unexpected.Add($"{conversation} '{text}': {replies}");
                        }
                    }

                    var client = clients[turn++ % 2];
                    var yes = client.Message("yes");
                    var saved = BotClient.Read(await client.SendAsync(yes));
                    if (saved.Contains("Saved", StringComparison.Ordinal))
                    {
                        acknowledged.Add((UserKeys.From("webchat", user), JournalEntryIds.From(UserKeys.From("webchat", user), conversation, yes.Id)));
                    }
                    else
                    {
                        unexpected.Add($"{conversation} 'yes': {saved}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Empty(unexpected);
        Assert.Equal(Conversations * CheckInsEach, acknowledged.Count);

        var journal = second.Services.GetRequiredService<IJournalStore>();
        foreach (var user in acknowledged.GroupBy(a => a.User))
        {
            var stored = (await journal.ListAsync(user.Key)).Select(e => e.Id).ToList();
            Assert.Equal(user.Select(a => a.EntryId).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        }

        // Every conversation finished both check-ins, so nothing of it is left: a finished conversation's state is blank
        // and not kept in its user's document (which holds the user's profile), and no conversation has a record of its own.
        // A conversation left half-way (a journey on its stack) would still be there.
        var storage = first.Services.GetRequiredService<IStorage>();
        var users = await storage.ReadAsync(Enumerable.Range(0, 25).Select(i => $"webchat/users/user-{i}").ToArray());
        Assert.Equal(25, users.Count);
        Assert.All(users.Values, user => Assert.False(((IDictionary<string, object>)user).ContainsKey(FoldedStateStorage.ConversationsProperty)));
        Assert.All(users.Values, user => Assert.True(((IDictionary<string, object>)user).ContainsKey(StateKeys.ProfileProperty)));
        Assert.Empty(await storage.ReadAsync(Enumerable.Range(0, Conversations).Select(i => $"webchat/conversations/conv-{i}").ToArray()));
    }

    [Fact]
    public async Task AnInstanceWhoseCopyOfTheStateIsBehindAnswersFromWhatTheOtherInstanceSaved()
    {
        // Each instance keeps the documents it last saw (StateDocumentCache): here each turn of one conversation
        // lands on the other instance, so every copy is behind by a turn.
        var prefix = AzuriteFixture.UniquePrefix();
        using var first = BlobBotHost.Create(azurite.ConnectionString, prefix);
        using var second = BlobBotHost.Create(azurite.ConnectionString, prefix);
        var a = first.Client("user-behind", "conv-behind");
        var b = second.Client("user-behind", "conv-behind");

        Assert.Contains("0 to 10", BotClient.Read(await a.SayAsync("check in")), StringComparison.Ordinal);
        await b.SayAsync("6");

        // A turn that writes nothing: the first instance's copy says question 1; the ETag read before its reply
        // goes out finds the document moved, so the turn runs again on what the second instance saved.
        var help = BotClient.Read(await a.SayAsync("help"));
        Assert.Contains("question 2 of", help, StringComparison.Ordinal);

        // A turn that writes: its conditional write fails against the copy, and it runs again on the fresh document.
        await b.SayAsync("steady");
        Assert.Contains("journal", BotClient.Read(await a.SayAsync("a quiet day")), StringComparison.Ordinal);
        Assert.Contains("Saved", BotClient.Read(await b.SayAsync("yes")), StringComparison.Ordinal);

        var entry = Assert.Single(await first.Services.GetRequiredService<IJournalStore>().ListAsync(UserKeys.From("webchat", "user-behind")));
        Assert.Equal(6, entry.Mood);
        Assert.True(first.Services.GetRequiredService<StateDocumentCache>().Count > 0);
    }
}

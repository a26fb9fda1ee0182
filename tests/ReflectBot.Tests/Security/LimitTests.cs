using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Clinic;
using ReflectBot.Kernel;
using ReflectBot.Storage;
using ReflectBot.Tests.Channels;
using ReflectBot.Tests.Support;
using Xunit.Abstractions;

namespace ReflectBot.Tests.Security;

/// <summary>Abuse limits over the real host: oversize input, a chunked flood, join-code guessing, token and conversation bursts.</summary>
[Collection(MemoryCollection.Name)]
public sealed class LimitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoThousandOversizePostsToOneConversationAreRefusedAndMemoryStaysBounded()
    {
        using var host = new LiveBotHost();
        using var http = host.Http();
        var session = await DirectLineSession.StartAsync(http);
        var conversation = host.Services.GetRequiredService<DirectLineConversations>();
        Assert.True(conversation.TryGet(session.ConversationId, out var log));
        var (countBefore, bytesBefore) = (log.Count, log.Bytes);

        var body = new JObject { ["type"] = "message", ["text"] = new string('x', 40_000) }.ToString(Formatting.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var refused = 0;
        for (var i = 0; i < 2_000; i++)
        {
            using var response = await session.PostActivityAsync(body);
            refused += response.StatusCode == HttpStatusCode.RequestEntityTooLarge ? 1 : 0;
        }

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var grew = memoryAfter - memoryBefore;
        output.WriteLine($"2,000 posts of 40,000 characters (80 MB of text): {refused} refused; transcript {log.Count} activities / {log.Bytes:N0} bytes (before: {countBefore} / {bytesBefore:N0}); managed heap {memoryBefore / 1e6:F1} MB -> {memoryAfter / 1e6:F1} MB.");
        Assert.Equal(2_000, refused);
        Assert.Equal(countBefore, log.Count);
        Assert.Equal(bytesBefore, log.Bytes);
        Assert.True(grew < 32_000_000, $"The heap grew by {grew:N0} bytes over 2,000 refused posts.");
    }

    [Fact]
    public async Task TheTranscriptIsBoundedInBytesWhateverIsPosted()
    {
        using var host = new LiveBotHost(null, ("DirectLine:MaxTranscriptBytes", "65536"));
        using var http = host.Http();
        var session = await DirectLineSession.StartAsync(http);
        var first = await session.SayAsync("the first message " + new string('a', 7_000));
        for (var i = 0; i < 30; i++)
        {
            await session.SayAsync($"message {i} " + new string('b', 7_000));
        }

        Assert.True(host.Services.GetRequiredService<DirectLineConversations>().TryGet(session.ConversationId, out var log));
        Assert.InRange(log.Bytes, 1, 65_536);
        var (activities, _) = await session.ActivitiesAsync();
        Assert.DoesNotContain(activities, a => (string?)a["id"] == first);
    }

    [Fact]
    public async Task AChunkedFortyMegabyteBodyIsRefusedWithoutBeingRead()
    {
        using var host = new LiveBotHost();
        using var http = host.Http();
        var session = await DirectLineSession.StartAsync(http);
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        foreach (var (path, token) in new[] { ("/api/messages", (string?)null), ($"/v3/directline/conversations/{session.ConversationId}/activities", session.Token) })
        {
            var (status, sent) = await ChunkedFloodAsync(host.BaseAddress, path, token, 40 * 1024 * 1024);
            output.WriteLine($"{path}: chunked 40 MB, no Content-Length -> {status}; {sent / 1e6:F1} MB written before the server answered and stopped reading");
            Assert.Equal(413, status);
            Assert.True(sent < 40 * 1024 * 1024, "The server read the whole flood.");
        }

        var grew = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(grew < 16_000_000, $"The heap grew by {grew:N0} bytes for two refused 40 MB bodies.");
    }

    [Fact]
    public async Task AValueTextOfAHundredThousandCharactersIsRefusedAndNothingOfItIsStored()
    {
        using var host = new BotHost();
        var bot = host.Client(userId: "long-value");
        await bot.SayAsync("check in");
        await bot.SayAsync("5");
        var marker = "zq" + new string('v', 99_998);
        var activity = bot.Message(null);
        activity.Value = new JObject { ["text"] = marker };
        var reply = BotClient.Read(await bot.SendAsync(activity));
        Assert.Contains("longer than I can take", reply, StringComparison.Ordinal);

        // The journey is where it was: the feelings question still takes an answer.
        Assert.Contains("?", BotClient.Read(await bot.SayAsync("calm")), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(host.DataPath, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("zqvvvvvvvvvv", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        // The same through the web chat: refused before it enters the conversation's log.
        using var live = new LiveBotHost();
        using var http = live.Http();
        var session = await DirectLineSession.StartAsync(http);
        var posted = await session.PostActivityAsync(new JObject { ["type"] = "message", ["value"] = new JObject { ["text"] = marker } }.ToString(Formatting.None));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.DoesNotContain("zqvvvvvvvvvv", (await session.ActivitiesAsync()).Activities.ToString(Formatting.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABurstOfJoinCodeGuessesAcrossManyFreshTokensNeverFindsACodeNorAName()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var host = new LiveBotHost(
            time,
            ("Clinic:ClinicianUserKeys:0", "webchat/dr-lee"),
            ("DirectLine:TokenRequestsPerMinute", "1000"),
            ("DirectLine:ConversationStartsPerMinute", "1000"));
        using var http = host.Http();
        var code = await host.Services.GetRequiredService<JoinCodes>().CreateAsync(UserKeys.From("webchat", "dr-lee"), "Dr Lee");

        // Forty fresh identities, three guesses each: far more than one identity's five.
        var answers = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var guesser = await DirectLineSession.StartAsync(http);
            var (_, mark) = await guesser.ActivitiesAsync();
            for (var g = 0; g < 3; g++)
            {
                await guesser.SayAsync("connect " + new string(Random.Shared.GetItems(JoinCodes.Alphabet.ToCharArray(), JoinCodes.Length)));
            }

            answers.Add(await guesser.BotTextAsync(mark));
        }

        // Even the right code, from a fresh identity, is now not looked up.
        var lucky = await DirectLineSession.StartAsync(http);
        var (_, luckyMark) = await lucky.ActivitiesAsync();
        await lucky.SayAsync($"connect {code.Code}");
        var luckyAnswer = await lucky.BotTextAsync(luckyMark);

        var all = string.Join("\n", answers);
        Assert.DoesNotContain("Dr Lee", all + luckyAnswer, StringComparison.Ordinal);
        Assert.Contains("too many codes", luckyAnswer, StringComparison.Ordinal);
        var recognised = System.Text.RegularExpressions.Regex.Count(all, "don't recognise");
        output.WriteLine($"120 guesses from 40 fresh tokens: {recognised} looked up, the rest refused unread.");
        Assert.InRange(recognised, 1, new ClinicOptions().GlobalWrongCodeLimit);
        await foreach (var link in host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Clinic).ListAsync("links"))
        {
            Assert.Fail("A link was made: " + link);
        }

        // The budget is a window, not a lock: later the right code shows the clinician's name again.
        time.Advance(TimeSpan.FromMinutes(16));
        var later = await DirectLineSession.StartAsync(http);
        var (_, laterMark) = await later.ActivitiesAsync();
        await later.SayAsync($"connect {code.Code}");
        Assert.Contains("Dr Lee", await later.BotTextAsync(laterMark), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuingTokensAndStartingConversationsIsLimitedPerClientAddress()
    {
        using var host = new LiveBotHost(null, ("DirectLine:TokenRequestsPerMinute", "5"), ("DirectLine:ConversationStartsPerMinute", "3"));
        using var http = host.Http();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await http.PostAsync(new Uri("v3/directline/tokens/generate", UriKind.Relative), null)).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.PostAsync(new Uri("webchat/session", UriKind.Relative), null)).StatusCode);

        var conversations = host.Services.GetRequiredService<DirectLineConversations>();
        var tokens = host.Services.GetRequiredService<DirectLineTokens>();
        var starts = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var conversation = conversations.Create();
            var session = new DirectLineSession(http, conversation.Id, tokens.Issue(conversation.Id, conversation.UserId, conversation.SessionStart)!);
            starts.Add((await session.SendAsync(HttpMethod.Post, "v3/directline/conversations")).StatusCode);
        }

        Assert.Equal(3, starts.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(2, starts.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    /// <summary>
    /// Sends a chunked body of <paramref name="length"/> bytes over a raw connection (HttpClient gives up on the
    /// response once the server stops reading), and returns the status the server answered with and how much
    /// was written before it did.
    /// </summary>
    private static async Task<(int Status, long Sent)> ChunkedFloodAsync(Uri host, string path, string? token, long length)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(host.Host, host.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {host.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                   + (token is null ? string.Empty : $"Authorization: Bearer {token}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var reading = Task.Run(async () =>
        {
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            return await reader.ReadLineAsync();
        });

        var payload = new byte[64 * 1024];
        Array.Fill(payload, (byte)'{');
        var chunk = Encoding.ASCII.GetBytes($"{payload.Length:X}\r\n").Concat(payload).Concat("\r\n"u8.ToArray()).ToArray();
        long sent = 0;
        try
        {
            while (sent < length && !reading.IsCompleted)
            {
                await stream.WriteAsync(chunk);
                sent += payload.Length;
            }

            if (sent >= length)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server answered and closed the connection: the rest is never sent.
        }

        var statusLine = await reading.WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), sent);
    }
}

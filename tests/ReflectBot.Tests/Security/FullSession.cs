using ReflectBot.Clinic;
using ReflectBot.Journal;
using ReflectBot.Safety;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// A session that writes something to every kind of record: a clinician's join code, a client's link
/// with full consent, a saved check-in shared over that link, a safety plan, a PHQ-9 (its score goes to
/// the clinic store), a crisis message (a safety event), and a reflection left half-way (its answer sits
/// in conversation state). Every answer is a word found nowhere else, so a raw search can look for it.
/// </summary>
public sealed class FullSession(ClinicHost host, string clientId = "zephyrine-7q", string clientName = "Marigold Quenby", string clinicianName = "Dr Fenwick Ashdown")
{
    public const string Feeling = "heliotrope-feeling";
    public const string OnMind = "the quillwort on the windowsill";
    public const string PlanPrefix = "tamarisk-plan-";
    public const string InProgress = "marzipan-in-progress";
    public const string Crisis = "I want to die";

    /// <summary>The distinctive answers, each of which must be found in no store in clear.</summary>
    public static IReadOnlyList<string> Answers { get; } =
        [Feeling, OnMind, "quillwort", .. "abcdefg".Select(c => PlanPrefix + c), InProgress, "want to die"];

    public BotClient Client { get; } = host.User(clientId, clientName);

    public BotClient Clinician { get; } = host.User(ClinicHost.ClinicianA, clinicianName);

    public string ClientName => clientName;

    public string ClinicianName => clinicianName;

    public async Task RunAsync()
    {
        await Client.ConnectAsync(await Clinician.NewCodeAsync());
        foreach (var text in new[] { "check in", "6", Feeling, OnMind })
        {
            await Client.SayAsync(text);
        }

        Assert.Contains("Saved", await Client.ReadAsync("yes"), StringComparison.Ordinal);
        Assert.Contains($"with {clinicianName}", await Client.ReadAsync("share entry 1"), StringComparison.Ordinal);

        await Client.SayAsync("write my safety plan");
        foreach (var part in "abcdefg")
        {
            await Client.SayAsync(PlanPrefix + part);
        }

        await Client.SayAsync("yes");
        Assert.Contains("PHQ-9", await Client.ReadAsync("phq-9"), StringComparison.Ordinal);
        for (var i = 0; i < 9; i++)
        {
            await Client.SayAsync(i < 2 ? "Several days" : "Not at all");
        }

        await Client.SayAsync("Somewhat difficult");

        await Client.SayAsync(Crisis);
        await Client.SayAsync("inner self");
        Assert.True(AsksTheSecondInnerSelfQuestion(await Client.ReadAsync(InProgress)));
    }

    /// <summary>That the bot reads back everything the session wrote (on this host or a later one on the same stores).</summary>
    public async Task AssertReadableAsync()
    {
        Assert.Equal(4, (await host.Get<IJournalStore>().ListAsync(Client.Key)).Count); // the check-in, the safety plan, the PHQ-9, the safety moment
        Assert.Contains(PlanPrefix + "g", await Client.ReadAsync("safety plan"), StringComparison.Ordinal);
        var shared = Assert.Single((await host.Get<ClinicianReads>().SharedEntriesAsync(Clinician.Key, Client.Key))!);
        Assert.Equal(OnMind, shared.Answers["on-mind"]);
        Assert.Single((await host.Get<ClinicianReads>().ScoresAsync(Clinician.Key, Client.Key))!);
        Assert.Equal(1, await host.Get<SafetyEventStore>().CountOfUserAsync(Client.Key, DateTimeOffset.MinValue));
        Assert.NotNull(await host.Get<ReflectBot.Channels.ConversationReferences>().GetAsync(Client.Key));
        Assert.Contains(clientName, await Clinician.ReadAsync("clients"), StringComparison.Ordinal);

        // The reflection left half-way carries on from its state.
        Assert.True(AsksTheSecondInnerSelfQuestion(await Client.ReadAsync("back")));
    }

    /// <summary>Whether a reply asks the inner-self journey's second question (in either of its wordings).</summary>
    public static bool AsksTheSecondInnerSelfQuestion(string reply)
        => reply.Contains("wanting again and again", StringComparison.Ordinal) || reply.Contains("kept longing for", StringComparison.Ordinal);
}

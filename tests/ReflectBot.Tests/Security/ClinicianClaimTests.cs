using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Clinic;
using ReflectBot.Storage;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// Claiming to be a configured clinician on /api/messages with no app id (nobody vouches for who is talking):
/// neither the configured web chat key nor the configured Entra object id makes the caller a clinician, and no
/// join code is created.
/// </summary>
public sealed class ClinicianClaimTests : IDisposable
{
    private const string ClinicianAad = "00000000-0000-4000-8000-00000000c11c";

    private readonly BotHost _host = new(
        null,
        ("Clinic:ClinicianUserKeys:0", "webchat/dr-lee"),
        ("Clinic:ClinicianAadObjectIds:0", ClinicianAad));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AClaimedClinicianUserIdOnAnUnauthenticatedChannelIsNotAClinician()
    {
        var claimed = _host.Client(userId: "dr-lee", conversationId: "conv-claim");
        var reply = BotClient.Read(await claimed.SayAsync("new client code"));
        Assert.Contains(ContentFolders.Say(ClinicStrings.OnlyClinicians), reply, StringComparison.Ordinal);
        await NoCodeExistsAsync();
    }

    [Fact]
    public async Task AClaimedTeamsAadObjectIdOnAnUnauthenticatedRequestIsNotAClinician()
    {
        var teams = _host.Client(userId: "29:1claimed", conversationId: "a:1claimed", channelId: "msteams");
        var activity = teams.Message("new client code");
        activity.From = new ChannelAccount("29:1claimed", "Dr Lee", aadObjectId: ClinicianAad);
        activity.Conversation = new ConversationAccount(conversationType: "personal", id: "a:1claimed");
        var reply = BotClient.Read(await teams.SendAsync(activity));
        Assert.Contains(ContentFolders.Say(ClinicStrings.OnlyClinicians), reply, StringComparison.Ordinal);
        await NoCodeExistsAsync();
    }

    private async Task NoCodeExistsAsync()
    {
        var clinic = _host.Services.GetRequiredKeyedService<IItemStore>(ItemStoreNames.Clinic);
        await foreach (var key in clinic.ListAsync("codes"))
        {
            Assert.Fail("A join code was created: " + key);
        }
    }
}

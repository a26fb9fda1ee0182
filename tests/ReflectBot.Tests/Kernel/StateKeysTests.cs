using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ReflectBot.Kernel;

namespace ReflectBot.Tests.Kernel;

/// <summary>StateKeys writes down the keys Bot Builder's own BotState uses: a record reached by key is the one a turn loads.</summary>
public sealed class StateKeysTests
{
    [Fact]
    public async Task UserAndConversationStateAreSavedUnderTheKeysStateKeysNames()
    {
        var storage = new MemoryStorage();
        var user = new UserState(storage);
        var conversation = new ConversationState(storage);
        var activity = new Activity(ActivityTypes.Message, channelId: "webchat", from: new ChannelAccount("dl_a b"), conversation: new ConversationAccount(id: "conv/1"), recipient: new ChannelAccount("bot"));
        using var turn = new TurnContext(new TestAdapter(), activity);

        await user.CreateProperty<string>("p").SetAsync(turn, "u");
        await conversation.CreateProperty<string>("p").SetAsync(turn, "c");
        await user.SaveChangesAsync(turn);
        await conversation.SaveChangesAsync(turn);

        var userKey = StateKeys.User("webchat", "dl_a b");
        var conversationKey = StateKeys.Conversation("webchat", "conv/1");
        var read = await storage.ReadAsync([userKey, conversationKey], CancellationToken.None);
        Assert.Equal(2, read.Count);
        Assert.Equal(userKey, StateKeys.UserOf(UserKeys.Of(activity)));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReflectBot.Channels;
using ReflectBot.Channels.Teams;
using ReflectBot.Clinic;
using ReflectBot.Hosting;
using ReflectBot.Kernel;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>The turn runs the steps Hosting/TurnPipeline declares, in that order, and nothing touches storage before the safety screen.</summary>
public sealed class TurnPipelineTests
{
    [Fact]
    public void TheStepsRunInTheDeclaredOrder()
    {
        using var host = new BotHost();
        var steps = host.Get<TurnPipeline>().Middleware.Select(m => m.GetType()).ToList();
        Assert.Equal(
            [typeof(TurnTelemetryMiddleware), typeof(IdentityMiddleware), typeof(OutgoingReplies), typeof(GroupConversationGuard), typeof(AdaptiveCardActions), typeof(FoldedStateMiddleware), typeof(SafetyMiddleware), typeof(InputLimitsMiddleware), typeof(ConversationReferenceRecorder), typeof(ClinicMiddleware)],
            steps);
    }

    [Fact]
    public async Task ACrisisMessageIsAnsweredBeforeAnyConversationReferenceIsWritten()
    {
        CountingItemStore? references = null;
        using var host = new BotHost
        {
            TestServices = s => s.AddKeyedSingleton<IItemStore>(ItemStoreNames.References, (sp, _) =>
                references = new CountingItemStore(new FileItemStore(Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath, "references")))),
        };
        var bot = host.Client();

        Assert.True(Conversations.HasCrisisCard(await bot.SayAsync("I want to die")));
        Assert.Equal(0, references!.Writes + references.Reads);

        // The same user's next, ordinary message keeps the reference: the count above could have moved.
        await bot.SayAsync("menu");
        Assert.True(references.Writes + references.Reads > 0);
    }
}

using Microsoft.Extensions.Options;
using ReflectBot.Journal;
using ReflectBot.Privacy;
using ReflectBot.Safety.Model;
using ReflectBot.Kernel;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// The safety screen and what it offers. Where the screen runs in the turn is declared in Hosting/TurnPipeline.
    /// </summary>
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddOptions<SafetyOptions>().BindConfiguration(SafetyOptions.Section).ValidateOnStart()
            .Validate(o => o.StorageWait > TimeSpan.Zero && o.StorageWait <= TimeSpan.FromSeconds(10), "Safety:StorageWait should be between 0 and 10 seconds.")
            .Validate(o => o.ModelWait >= TimeSpan.Zero && o.ModelWait <= TimeSpan.FromSeconds(30), "Safety:ModelWait should be between 0 and 30 seconds.")
            .Validate(o => o.ModelRunsAtOnce is >= 1 and <= 16, "Safety:ModelRunsAtOnce should be between 1 and 16.")
            .Validate(o => o.Int8FidelityBound is >= 0 and <= 1, "Safety:Int8FidelityBound should be between 0 and 1.")
            .Validate(o => o.RepeatWindow > TimeSpan.Zero && o.RepeatWindow <= TimeSpan.FromDays(7), "Safety:RepeatWindow should be between 0 and 7 days.");
        services.AddSingleton<IValidateOptions<SafetyOptions>, ModelPrecisionValidation>();
        services.AddSingleton(sp => new SafetyContent(sp.GetRequiredService<IOptions<ReflectBot.Content.ContentOptions>>()));
        services.AddSingleton<UserPseudonyms>();
        services.AddSingleton<SafetyEventStore>();
        services.AddSingleton<IUserDataEraser, SafetyDataEraser>();
        services.AddSingleton<SafetyPlanStore>();
        services.AddSingleton<IJournalObserver>(sp => sp.GetRequiredService<SafetyPlanStore>());
        services.AddSingleton<CrisisResponder>();
        services.AddSingleton<ReflectBot.Journeys.IJourneySupport, JourneySupport>();
        services.AddSingleton<SafetyTurnState>();
        services.AddSingleton<SafetyModelHost>();
        services.AddSingleton(sp => new SafetyScreen(sp.GetRequiredService<SafetyContent>().Screen, sp.GetRequiredService<SafetyModelHost>()));
        services.AddSingleton<IOthersTextScreen, OthersTextScreen>();
        services.AddHostedService<SafetyModelWarmup>();
        services.AddSingleton<SafetyMiddleware>();
        services.AddSingleton<SafetyCheckCommand>();
        services.AddSingleton<StayCloseCommand>();
        services.AddSingleton<SafetyPlanCommand>();
        services.AddSingleton<RegionCommand>();
        services.AddSingleton<LinesCommand>();
        services.AddSingleton<SafetyHold>();
        services.AddSingleton<IDialogHold>(sp => sp.GetRequiredService<SafetyHold>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using ReflectBot.Conversation;

namespace ReflectBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Consent, "privacy", "delete my data" and the reminder switch. "delete my data" calls every
    /// registered <see cref="IUserDataEraser"/>: each feature that keeps records about a user registers its
    /// own in its AddXyz() (journal and safety here, conversation references in Teams, links and
    /// assignments in Clinic).
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<ITurnCommand, PrivacyCommands>();
        services.AddSingleton<IUserDataEraser, JournalEraser>();
        services.AddSingleton<IUserDataEraser, SafetyDataEraser>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace ReflectBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Consent, "privacy", "delete my data" and the reminder switch. "delete my data" calls every
    /// registered <see cref="IUserDataEraser"/>: each feature that keeps records about a user registers its
    /// own in its AddXyz() (the journal, the safety plan and events, conversation references, the web chat's
    /// tokens, links and assignments in Clinic, and what earlier builds kept).
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<PrivacyCommands>();
        return services;
    }
}

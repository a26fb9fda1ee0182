using Microsoft.Extensions.Options;
using ReflectBot.Conversation;
using ReflectBot.Dialogs;
using ReflectBot.Journal;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ReflectBot.Clinic;

public static class ClinicServiceCollectionExtensions
{
    /// <summary>Clinicians and clients: roles, join codes, consent, assignments, measures, delivery and review.</summary>
    public static IServiceCollection AddClinic(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClinicOptions>, ClinicOptionsValidator>();

        services.AddSingleton<ClinicStore>();
        services.AddSingleton<ClinicianRoles>();
        services.AddSingleton<JoinCodes>();
        services.AddSingleton<ClinicLinks>();
        services.AddSingleton<ClientRecords>();
        services.AddSingleton<IReminderPreferences>(sp => sp.GetRequiredService<ClientRecords>());
        services.AddSingleton<Assignments>();
        services.AddSingleton<ClinicianReads>();
        services.AddSingleton<IJourneyCompletionObserver, AssignmentCompletion>();
        services.AddSingleton(sp => new MeasureCatalog(sp.GetRequiredService<IOptions<ReflectBot.Journeys.ContentOptions>>()));

        // Seams other features may replace at merge (see the interfaces).
        services.AddSingleton<IConversationReferenceSource, ItemStoreConversationReferences>();
        services.AddSingleton<IProactiveSender, AdapterProactiveSender>();
        services.AddSingleton<ILeaderLease, FileLeaderLease>();
        services.AddSingleton<ISafetyEventCounter, ItemStoreSafetyEventCounter>();
        services.AddSingleton<ISafetyEscalation, CrisisReplyEscalation>();

        services.AddSingleton<AssignmentDelivery>();
        services.AddHostedService<DeliveryScheduler>();
        services.AddSingleton<IMiddleware, ClinicMiddleware>();
        services.AddSingleton<ITurnCommand, ClinicianCommands>();
        services.AddSingleton<ITurnCommand, ClientCommands>();

        // Dialogs of the root set (JourneyDialogs adds every registered Dialog).
        services.AddSingleton<Dialog, AssignDialog>();
        services.AddSingleton<Dialog, ConsentDialog>();
        services.AddSingleton<Dialog, AssignedJourneyDialog>();
        services.AddSingleton<Dialog, MeasuresDialog>();
        return services;
    }
}

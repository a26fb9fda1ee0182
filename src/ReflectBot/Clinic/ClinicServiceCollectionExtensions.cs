using Microsoft.Extensions.Options;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Dialogs;
using ReflectBot.Journeys;
using ReflectBot.Privacy;
using ReflectBot.Safety;
using ReflectBot.Storage;
using ReflectBot.Storage.Leases;

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
        services.AddSingleton<IClinicianDirectory>(sp => sp.GetRequiredService<ClinicianRoles>());
        services.AddSingleton<JoinCodes>();
        services.AddSingleton<ClinicLinks>();
        services.AddSingleton<ClientRecords>();
        services.AddSingleton<Assignments>();
        services.AddSingleton<ClinicianReads>();
        services.AddSingleton<IJourneyCompletionObserver, AssignmentCompletion>();

        // What the clinic takes from other features: the user's reminder switch (Privacy, in user state),
        // safety events as counts and the crisis reply (Safety). Conversation references and proactive
        // sending are the channels' (ConversationReferences, ProactiveMessenger), used directly.
        services.AddSingleton<IReminderPreferences, UserStateReminderPreferences>();
        services.AddSingleton<ISafetyEventCounter, SafetyEventCounter>();
        services.AddSingleton<ISafetyEscalation, SafetyCrisisEscalation>();
        services.AddSingleton<ISafetyNotifier, ClinicianSafetyNotes>();

        // One scheduler leader: an OS file lock on one machine, a blob lease across instances on blobs.
        services.AddSingleton(sp => LeaderLeases.Create(sp, ItemStoreNames.Clinic, sp.GetRequiredService<IOptions<ClinicOptions>>().Value.Scheduler.LeaseDuration));

        services.AddSingleton<IUserDataEraser, ClinicDataEraser>();
        services.AddSingleton<AssignmentDelivery>();
        services.AddSingleton<PendingDelivery>();
        services.AddHostedService<DeliveryScheduler>();
        services.AddSingleton<ClinicMiddleware>();
        services.AddSingleton<ClinicianCommands>();
        services.AddSingleton<SessionSummaries>();
        services.AddSingleton<SummaryNotes>();
        services.AddSingleton<EntryReplies>();
        services.AddSingleton<SessionCommands>();
        services.AddSingleton<IDueDelivery, SummaryDelivery>();
        services.AddSingleton<ClientCommands>();
        services.AddSingleton<ClinicianTextScreen>();
        services.AddSingleton<ReflectionTemplates>();
        services.AddSingleton<ReflectionCommands>();
        services.AddSingleton<ClientSettingsRecords>();
        services.AddSingleton<IJourneyAvailability>(sp => sp.GetRequiredService<ClientSettingsRecords>());
        services.AddSingleton<ReflectBot.Cards.ICardAvailability>(sp => sp.GetRequiredService<ClientSettingsRecords>());
        services.AddSingleton<ClientSettingsCommands>();
        services.AddSingleton<MeasureHistoryCommand>();

        // Dialogs of the root set (JourneyDialogs adds every registered Dialog).
        services.AddSingleton<Dialog, AssignDialog>();
        services.AddSingleton<Dialog, ConsentDialog>();
        services.AddSingleton<Dialog, AssignedJourneyDialog>();
        services.AddSingleton<Dialog, MeasuresDialog>();
        services.AddSingleton<Dialog, ReflectionWritingDialog>();
        return services;
    }
}

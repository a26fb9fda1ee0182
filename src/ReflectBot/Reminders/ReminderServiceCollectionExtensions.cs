using ReflectBot.Clinic;
using ReflectBot.Privacy;

namespace ReflectBot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>A person's own reminders and weekly look back, delivered by the clinic's scheduler round as their own due item.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<ReminderCommands>();
        services.AddSingleton<TimeZoneCommand>();
        services.AddSingleton<IDueDelivery, ReminderDelivery>();
        services.AddSingleton<IUserDataEraser, ReminderDataEraser>();
        return services;
    }
}

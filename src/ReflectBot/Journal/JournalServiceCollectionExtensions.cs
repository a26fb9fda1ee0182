using ReflectBot.Privacy;

namespace ReflectBot.Journal;

public static class JournalServiceCollectionExtensions
{
    /// <summary>The journal: its store (one sealed record per entry), what "delete my data" erases of it, and its commands ("my journal", "mood", "export").</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        services.AddSingleton<IJournalStore, JournalStore>();
        services.AddSingleton<IUserDataEraser, JournalEraser>();
        services.AddSingleton<ExportLinks>();
        services.AddHttpContextAccessor();
        services.AddSingleton<JournalCommands>();
        services.AddSingleton<WeekCommand>();
        return services;
    }
}

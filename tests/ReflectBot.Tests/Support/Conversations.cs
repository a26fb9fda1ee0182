using Microsoft.Bot.Schema;

namespace ReflectBot.Tests.Support;

/// <summary>Scripts the tests share.</summary>
public static class Conversations
{
    /// <summary>A whole daily check-in, answering the save question (and, the first time, the consent question) with <paramref name="save"/>.</summary>
    public static async Task<string> CheckInAsync(this BotClient bot, int mood, string feelings, string onMind, string save = "yes")
    {
        await bot.SayAsync("check in");
        await bot.SayAsync(mood.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await bot.SayAsync(feelings);
        await bot.SayAsync(onMind);
        return BotClient.Read(await bot.SayAsync(save));
    }

    /// <summary>A daily check-in up to its save question; returns the replies that ask it.</summary>
    public static async Task<IReadOnlyList<Activity>> CheckInPromptAsync(this BotClient bot)
    {
        await bot.SayAsync("check in");
        await bot.SayAsync("5");
        await bot.SayAsync("fine");
        return await bot.SayAsync("nothing much");
    }

    /// <summary>The crisis card's title, as the shipped dialogs/safety/replies.yaml says it.</summary>
    public static string CrisisCardTitle { get; } = ShippedCardTitle();

    /// <summary>Whether the replies hold the crisis card.</summary>
    public static bool HasCrisisCard(IEnumerable<Activity> replies)
        => replies.Any(r => BotClient.ReadOne(r).Contains(CrisisCardTitle, StringComparison.Ordinal));

    private static string ShippedCardTitle()
    {
        var errors = new List<ReflectBot.Content.ContentError>();
        var (_, _, replies, _) = ReflectBot.Safety.SafetyContent.Load(Journeys.ContentFolders.Shipped, errors);
        return replies?.CardTitle ?? throw new InvalidOperationException("The shipped safety replies do not load: " + string.Join("; ", errors));
    }
}

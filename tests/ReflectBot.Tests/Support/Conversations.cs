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

    /// <summary>Whether the replies hold the crisis card.</summary>
    public static bool HasCrisisCard(IEnumerable<Activity> replies)
        => replies.Any(r => BotClient.ReadOne(r).Contains(ReflectBot.Safety.CrisisReply.CardTitle, StringComparison.Ordinal));
}

using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ReflectBot.Cards;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Journeys;

/// <summary>Reading what the bot sent: the text a person reads, and the titles of the cards shown.</summary>
public static class Replies
{
    /// <summary>Sends each line in turn and returns every reply, in order.</summary>
    public static async Task<List<Activity>> SayAllAsync(this BotClient bot, params string[] lines)
    {
        var all = new List<Activity>();
        foreach (var line in lines)
        {
            all.AddRange(await bot.SayAsync(line));
        }

        return all;
    }

    private static readonly string Footer = ContentFolders.Say(CardStrings.Footer);

    /// <summary>The titles of the psychoeducation cards among the replies, in either rendering.</summary>
    public static List<string> CardTitles(IEnumerable<Activity> replies)
        => [.. replies.SelectMany(r => r.Attachments ?? []).Select(TitleOf).OfType<string>()];

    private static string? TitleOf(Attachment attachment)
    {
        var content = attachment.Content as JObject ?? (attachment.Content is null ? null : JObject.FromObject(attachment.Content));
        if (content is null)
        {
            return null;
        }

        if (attachment.ContentType == CardRenderer.AdaptiveContentType)
        {
            return content["body"]?[0]?.Value<string>("text");
        }

        // A Hero card is a psychoeducation card when it carries the footer (menus and lists do not).
        return content.Value<string>("text")?.Contains(Footer, StringComparison.Ordinal) == true ? content.Value<string>("title") : null;
    }
}

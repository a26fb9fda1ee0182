using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Kernel;

/// <summary>
/// The one length limit for anything a person sends that the bot may keep: the message's text, and every text
/// inside its value (a card's "text" becomes the message when typed text is absent), and the sender's name.
/// </summary>
public static class InputLimits
{
    public const int MaxMessageChars = 8_000;

    /// <summary>Whether the activity is over the limit (the person is told <see cref="InputLimitReply"/>).</summary>
    public static bool Exceeded(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var message = activity.AsMessageActivity();
        if (message?.Text?.Length > MaxMessageChars || activity.From?.Name?.Length > MaxMessageChars)
        {
            return true;
        }

        return (activity as Activity)?.Value is { } value && LongestText(value) > MaxMessageChars;
    }

    private static int LongestText(object value)
    {
        var json = value switch
        {
            JToken token => token,
            string text => new JValue(text),
            _ => JToken.FromObject(value),
        };

        var longest = 0;
        IEnumerable<JToken> all = json is JContainer container ? container.DescendantsAndSelf() : [json];
        foreach (var token in all)
        {
            if (token is JValue { Type: JTokenType.String } text)
            {
                longest = Math.Max(longest, ((string?)text)?.Length ?? 0);
            }
            else if (token is JProperty property)
            {
                longest = Math.Max(longest, property.Name.Length);
            }
        }

        return longest;
    }
}

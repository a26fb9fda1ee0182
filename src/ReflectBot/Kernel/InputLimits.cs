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

    public static readonly string TooLong =
        $"That message is longer than I can take in one go (up to {MaxMessageChars:N0} characters). Could you send it in shorter parts? Nothing was lost from your journey.";

    /// <summary>Null when the activity is within the limit; else what to tell the person.</summary>
    public static string? ProblemWith(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var message = activity.AsMessageActivity();
        if (message?.Text?.Length > MaxMessageChars || activity.From?.Name?.Length > MaxMessageChars)
        {
            return TooLong;
        }

        return (activity as Activity)?.Value is { } value && LongestText(value) > MaxMessageChars ? TooLong : null;
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

using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ReflectBot.Content;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// Keeps every outgoing message under the channel's size limit (Teams refuses messages over about 100 KB
/// with 413, and the user would see nothing). Long text is split at paragraph or line breaks into a few
/// messages; past a few parts it is shortened with a note, never sent as one huge message. A card that is
/// too large on its own is replaced by a line saying so. Long exports belong in a file or a link, not here.
/// </summary>
public static class ReplySize
{
    /// <summary>The most a whole serialized activity may weigh; Teams' limit is about 100 KB, minus headroom for the envelope.</summary>
    public const int MaxActivityBytes = 90 * 1024;

    /// <summary>The most text one message carries.</summary>
    public const int MaxTextBytes = 24 * 1024;

    /// <summary>The most messages one long text becomes; the rest is cut with a note.</summary>
    public const int MaxParts = 4;

    public static int BytesOf(Activity activity) => Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity));

    /// <summary>The activity, or the messages it becomes when it is too large.</summary>
    public static IReadOnlyList<Activity> Fit(Activity activity, StringCatalog strings)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Fit(activity, strings, activity.Type == ActivityTypes.Message ? BytesOf(activity) : 0);
    }

    /// <summary>
    /// As <see cref="Fit(Activity, StringCatalog)"/>, with the activity's serialized size already measured
    /// (<see cref="BytesOf"/>): serializing every reply was a few per cent of a turn's CPU, so it is done once.
    /// </summary>
    public static IReadOnlyList<Activity> Fit(Activity activity, StringCatalog strings, int bytes)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(strings);
        if (activity.Type != ActivityTypes.Message || bytes <= MaxActivityBytes && Encoding.UTF8.GetByteCount(activity.Text ?? string.Empty) <= MaxTextBytes)
        {
            return [activity];
        }

        if (activity.Attachments is { Count: > 0 } attachments)
        {
            for (var i = 0; i < attachments.Count; i++)
            {
                if (Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(attachments[i])) > MaxActivityBytes / 2)
                {
                    attachments[i] = new HeroCard { Text = strings[TeamsStrings.CardTooLarge] }.ToAttachment();
                }
            }
        }

        var chunks = Split(activity.Text ?? string.Empty, MaxTextBytes);
        if (chunks.Count > MaxParts)
        {
            chunks = [.. chunks.Take(MaxParts - 1), strings[TeamsStrings.Shortened]];
        }

        if (chunks.Count <= 1)
        {
            return [activity];
        }

        // The first parts are plain text; the last keeps the cards and buttons, so they sit under the
        // end of the text as they would have.
        var parts = new List<Activity>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            var part = last ? activity : CopyHeader(activity);
            part.Text = chunks[i];
            parts.Add(part);
        }

        return parts;
    }

    /// <summary>Splits text into pieces of at most <paramref name="maxBytes"/> UTF-8 bytes, preferring paragraph, then line, then word breaks.</summary>
    public static List<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var rest = text.AsSpan();
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var fits = CharsFitting(rest, maxBytes);
            var window = rest[..fits];
            var cut = LastBreak(window, "\n\n") ?? LastBreak(window, "\n") ?? LastBreak(window, " ") ?? fits;

            // Never split a surrogate pair.
            if (cut > 0 && char.IsHighSurrogate(rest[cut - 1]))
            {
                cut--;
            }

            pieces.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (!rest.IsEmpty)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }

    private static int CharsFitting(ReadOnlySpan<char> text, int maxBytes)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            bytes += Encoding.UTF8.GetByteCount(text.Slice(i, char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1));
            if (bytes > maxBytes)
            {
                return i;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                i++;
            }
        }

        return text.Length;
    }

    // A break in the second half of the window, so no piece comes out tiny.
    private static int? LastBreak(ReadOnlySpan<char> window, string separator)
    {
        var at = window.LastIndexOf(separator, StringComparison.Ordinal);
        return at > window.Length / 2 ? at + separator.Length : null;
    }

    private static Activity CopyHeader(Activity activity) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = activity.ChannelId,
        Conversation = activity.Conversation,
        From = activity.From,
        Recipient = activity.Recipient,
        ServiceUrl = activity.ServiceUrl,
        ReplyToId = activity.ReplyToId,
        Locale = activity.Locale,
        TextFormat = activity.TextFormat,
        InputHint = InputHints.IgnoringInput,
    };
}

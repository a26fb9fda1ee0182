using System.Globalization;

namespace ReflectBot.Kernel;

/// <summary>
/// What an id taken from an activity (a user id, a conversation id, a channel id) must be before any part of
/// it becomes a storage key: not empty, not blank, not padded, not too long, no control or format characters
/// and no unpaired surrogates (nor U+FFFD, which is what a decoder makes of one). An id that fails is refused, never repaired: a repaired id could equal someone else's.
/// </summary>
public static class IdRules
{
    /// <summary>Longest user id taken from a channel (Teams' are about 100 characters).</summary>
    public const int MaxUserIdLength = 256;

    /// <summary>Longest conversation id (Teams' group and thread ids run to a few hundred characters).</summary>
    public const int MaxConversationIdLength = 512;

    /// <summary>Longest channel id ("msteams", "webchat", "directline", "emulator"...).</summary>
    public const int MaxChannelIdLength = 32;

    /// <summary>Null when <paramref name="id"/> is usable; else why not, in a few plain words (never the id itself).</summary>
    public static string? ProblemWith(string? id, int maxLength)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "is empty";
        }

        if (id.Length > maxLength)
        {
            return $"is longer than {maxLength} characters";
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return "is only whitespace";
        }

        if (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
        {
            return "starts or ends with whitespace";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
                continue;
            }

            // A JSON reader turns a lone surrogate escape into U+FFFD, so that is how one arrives over HTTP.
            if (char.IsSurrogate(c) || c == '\uFFFD')
            {
                return "has an unpaired surrogate or a replacement character";
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return "has a control or format character";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="channelId"/> is a plausible channel id: lower-case letters, digits, '.', '-', '_'.</summary>
    public static string? ProblemWithChannel(string? channelId)
    {
        if (ProblemWith(channelId, MaxChannelIdLength) is { } problem)
        {
            return problem;
        }

        return channelId!.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_')
            ? null
            : "has characters a channel id never has";
    }
}

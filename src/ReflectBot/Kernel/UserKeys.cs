using System.Diagnostics.CodeAnalysis;
using Microsoft.Bot.Schema;

namespace ReflectBot.Kernel;

/// <summary>
/// The stable key of the user behind an activity: the channel and the channel's user id, as one storage path
/// segment, <c>{channel}:{escaped id}</c> ("webchat:dl_3f0c...", "msteams:29%3A1abc..."). The id is
/// percent-escaped, so the key never holds a '/' and every store sees exactly one segment: a listing, export
/// or erase of one user can never reach another user's items by a shared prefix. Ids that break
/// <see cref="IdRules"/> have no key at all; the turn is refused before anything is read or written.
/// </summary>
public static class UserKeys
{
    public const char Separator = ':';

    /// <summary>The key of the activity's sender; throws <see cref="InvalidActivityIdException"/> when the sender's ids are unusable.</summary>
    public static string Of(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TryFrom(activity.ChannelId, activity.From?.Id, out var key, out var problem)
            ? key
            : throw new InvalidActivityIdException(problem);
    }

    /// <summary>The key for a user id on a channel; throws <see cref="InvalidActivityIdException"/> when either is unusable.</summary>
    public static string From(string channelId, string userId)
        => TryFrom(channelId, userId, out var key, out var problem) ? key : throw new InvalidActivityIdException(problem);

    public static bool TryFrom(string? channelId, string? userId, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? problem)
    {
        key = null;
        if (IdRules.ProblemWithChannel(channelId) is { } channelProblem)
        {
            problem = "The channel id " + channelProblem + ".";
            return false;
        }

        if (IdRules.ProblemWith(userId, IdRules.MaxUserIdLength) is { } userProblem)
        {
            problem = "The sender's id (from.id) " + userProblem + ".";
            return false;
        }

        key = channelId + Separator + Uri.EscapeDataString(userId!);
        problem = null;
        return true;
    }

    /// <summary>
    /// The key for a user key in the form builds before this one wrote, <c>{channel}/{user id}</c>: the channel
    /// up to the first '/', the user's id, unescaped, after it (so the id may hold '/' itself). False, with the
    /// reason, when there is no '/' or the channel or the id breaks <see cref="IdRules"/>: a record under such a
    /// key is reported and left where it is, never repaired, since a repaired id could be someone else's.
    /// </summary>
    public static bool TryFromLegacy(string? legacyKey, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? problem)
    {
        var slash = legacyKey?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0)
        {
            key = null;
            problem = "It names no user id (no '/' after the channel).";
            return false;
        }

        return TryFrom(legacyKey![..slash], legacyKey[(slash + 1)..], out key, out problem);
    }

    /// <summary>
    /// A user key as an operator writes it in configuration: <c>{channel}/{user id}</c> (the form the README
    /// has always shown) or a key as this class makes it. Null when it is neither.
    /// </summary>
    public static string? FromConfigured(string? configured)
    {
        var text = configured?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            return TryFromLegacy(text, out var key, out _) ? key : null;
        }

        var colon = text.IndexOf(Separator, StringComparison.Ordinal);
        return colon > 0 && TryFrom(text[..colon], Uri.UnescapeDataString(text[(colon + 1)..]), out var parsed, out _) && parsed == text ? parsed : null;
    }

    /// <summary>
    /// Guards a store operation on one user's records: the key must be one this class made (one segment, with
    /// the channel), so an empty or '/'-bearing string can never turn a user's listing or erase into a folder
    /// of everyone's.
    /// </summary>
    public static void EnsureKey(string userKey)
    {
        if (!IsKey(userKey))
        {
            throw new ArgumentException("Not a user key: a user key is \"{channel}:{escaped id}\", one segment.", nameof(userKey));
        }
    }

    /// <summary>Whether <paramref name="userKey"/> is a key this class makes (one segment, with a channel).</summary>
    public static bool IsKey([NotNullWhen(true)] string? userKey)
    {
        var colon = userKey?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        return colon > 0 && colon < userKey!.Length - 1 && !userKey.Contains('/', StringComparison.Ordinal) && IdRules.ProblemWithChannel(userKey[..colon]) is null;
    }

    /// <summary>The channel's own user id inside a key (for a channel that needs it back, such as the local web chat).</summary>
    public static string? UserIdOf(string userKey)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        var colon = userKey.IndexOf(Separator, StringComparison.Ordinal);
        return colon > 0 ? Uri.UnescapeDataString(userKey[(colon + 1)..]) : null;
    }

    /// <summary>Where Bot Builder's UserState keeps this user's state (<see cref="StateKeys.User"/>).</summary>
    public static string UserStateKeyOf(string userKey)
    {
        EnsureKey(userKey);
        return StateKeys.UserOf(userKey);
    }

    /// <summary>The channel inside a key.</summary>
    public static string? ChannelOf(string userKey)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        var colon = userKey.IndexOf(Separator, StringComparison.Ordinal);
        return colon > 0 ? userKey[..colon] : null;
    }
}

using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using ReflectBot.Content;
using ReflectBot.Kernel;

namespace ReflectBot.Safety;

/// <summary>
/// "region UK", "my region is the US", "region": where the user is, for the crisis lines they are shown. Within the
/// hour after a crisis reply (which asked for it: "tell me where you are and I'll show the lines there") the lines
/// for the region come at once, not "if things ever get really hard".
/// </summary>
public sealed partial class RegionCommand(SafetyContent content, StringCatalog strings, CrisisResponder responder) : ITurnCommand
{
    /// <summary>"region UK", "my country is …", "region".</summary>
    public static bool Claims(string text)
        => Pattern().IsMatch(text);

    public async Task<bool> TryHandleAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var match = turn.Text is null ? null : Pattern().Match(turn.Text);
        if (match is not { Success: true })
        {
            return false;
        }

        var named = match.Groups["name"].Value.Trim();
        if (named.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            named = named[4..];
        }

        var regions = content.Resources.Regions;
        if (named.Length == 0)
        {
            var current = content.Resources.ById(turn.Profile.Region)?.Name;
            var ask = current is null ? strings[SafetyStrings.RegionAskUnknown] : strings.Text(SafetyStrings.RegionAskKnown, ("region", current));

            // The buttons are this command's own phrases ("region GB"), which it matches.
            await turn.Context.SendActivityAsync(Suggestions.Of([.. regions.Select(r => $"region {r.Id}"), "region other"], ask), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var region = content.Resources.ByName(named);
        turn.Profile.Region = region?.Id;
        if (region is not null && await responder.RecentAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            await responder.LinesAsync(turn, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var reply = region is null
            ? strings.Text(SafetyStrings.RegionNoLines, ("name", content.Resources.Fallback.Name), ("url", content.Resources.Fallback.Url))
            : strings.Text(SafetyStrings.RegionSet, ("region", region.Name));
        await turn.Context.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
        return true;
    }

    [GeneratedRegex(@"^\s*(my )?(region|country)( is|:)?(?<name>( [\p{L} .'-]{1,40})?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

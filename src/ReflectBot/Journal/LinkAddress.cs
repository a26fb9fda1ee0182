using Microsoft.AspNetCore.Http;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Journal;

/// <summary>
/// Where a download link the bot sends points: the configured public address (behind a proxy the request's own
/// host is the proxy's view), else the address of the request the turn came in on; none outside a request.
/// </summary>
public static class LinkAddress
{
    public static string? Of(JournalOptions options, HttpContext? context)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return options.PublicBaseUrl.TrimEnd('/');
        }

        var request = context?.Request;
        return request is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

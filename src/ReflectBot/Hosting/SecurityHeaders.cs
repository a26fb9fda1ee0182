using Microsoft.Extensions.Options;
using ReflectBot.Channels.DirectLine;

namespace ReflectBot.Hosting;

public static class SecurityHeaders
{
    /// <summary>Teams' web and desktop clients, the only other place the page may be framed (a Teams tab).</summary>
    public const string TeamsFrameAncestors = "https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.skype.com https://*.office.com";

    /// <summary>
    /// Headers on every response: scripts only from this host and no inline script (the page's script is
    /// chat.js); Direct Line reached only at this host or the configured Azure endpoint; framed only by this host
    /// and Teams; no MIME sniffing; no Referer (export and sign-in links carry tokens in their path). Styles
    /// may be inline: Web Chat writes its own at run time.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var directLine = app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.DirectLineEndpoint;
        var https = directLine.GetLeftPart(UriPartial.Authority);
        var sockets = "wss://" + directLine.Authority;
        var policy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            $"connect-src 'self' {https} {sockets}",
            $"frame-ancestors 'self' {TeamsFrameAncestors}",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'");
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        return app;
    }
}

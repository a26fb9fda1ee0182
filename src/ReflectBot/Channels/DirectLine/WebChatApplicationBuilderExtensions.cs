using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

public static class WebChatApplicationBuilderExtensions
{
    /// <summary>
    /// The web chat page at / (wwwroot, with Web Chat's bundle that the build copies from npm) and what it asks
    /// this host for (a session for the person its cookie names, clinician sign-in links), when the page has a
    /// Direct Line to talk to: this host's own (DirectLine:Enabled), with its routes and the connector routes
    /// the bot replies to, or Azure's (WebChat:DirectLineSecret).
    /// </summary>
    public static WebApplication UseWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var webChat = app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value;
        if (!options.IsEnabled && !webChat.UsesAzureDirectLine)
        {
            return app;
        }

        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapWebChat();
        if (!options.IsEnabled)
        {
            return app;
        }

        app.MapDirectLineApi();
        app.MapLocalConnector();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var serviceUrl = app.Services.GetRequiredService<LocalServiceUrl>().Value.AbsoluteUri;
            DirectLineLog.Enabled(app.Logger, serviceUrl, serviceUrl);
        });
        return app;
    }
}

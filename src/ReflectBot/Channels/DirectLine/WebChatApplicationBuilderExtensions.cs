using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

public static class WebChatApplicationBuilderExtensions
{
    /// <summary>
    /// When the local channel is on: the web chat page at / (wwwroot, with Web Chat's bundle that the
    /// build copies from npm), the Direct Line routes, and the connector routes the bot replies to.
    /// </summary>
    public static WebApplication UseWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        if (!options.IsEnabled)
        {
            return app;
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
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

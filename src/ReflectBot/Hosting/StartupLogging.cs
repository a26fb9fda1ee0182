using Microsoft.Extensions.Options;
using ReflectBot.Channels;
using ReflectBot.Content;
using ReflectBot.Safety;
using ReflectBot.Storage;

namespace ReflectBot.Hosting;

public static class StartupLogging
{
    /// <summary>
    /// Checks the Bot Framework credentials before anything builds the adapter, so incomplete settings
    /// stop start-up with every problem named, not with the SDK's first complaint.
    /// </summary>
    public static void CheckBotCredentials(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<IOptions<BotCredentialOptions>>().Value;
    }

    /// <summary>Loads the content now (so a broken file stops start-up) and logs where things are.</summary>
    public static void LogStartup(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.Services.GetRequiredService<JourneyCatalog>();

        // The rest of the content is otherwise first loaded by the first turn that needs it (the safety
        // middleware, the clinic's dialogs): load it here so every broken file stops start-up alike.
        app.Services.GetRequiredService<SafetyContent>();
        app.Services.GetRequiredService<MeasureCatalog>();
        var content = app.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var dataPath = Path.GetFullPath(storage.DataPath);
        HostLog.Started(app.Logger, catalog.All.Count, content.Path, dataPath);

        var credentials = app.Services.GetRequiredService<IOptions<BotCredentialOptions>>().Value;
        if (string.IsNullOrWhiteSpace(credentials.MicrosoftAppId) && app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.AllowAnonymousNetworkAccess)
        {
            HostLog.AnonymousNetworkAccessOn(app.Logger);
        }

        // The addresses Kestrel really bound may differ from configuration (endpoints set in code): the same
        // rule, checked once it listens. Stopping is all that is left to do by then.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (AnonymousExposure.Refusal(app.Configuration, app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()) is { } refusal)
            {
                HostLog.AnonymousExposureStopped(app.Logger, refusal);
                app.Lifetime.StopApplication();
            }
        });
    }
}

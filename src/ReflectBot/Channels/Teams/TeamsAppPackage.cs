using System.IO.Compression;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ReflectBot.Channels.Teams;

/// <summary>
/// <c>teams-package [out.zip]</c>: builds the zip an admin uploads to Teams (manifest.json, color.png,
/// outline.png at the root) from <c>deploymentTemplates/teams</c>, with the ids filled in from
/// configuration: <c>MicrosoftAppId</c> is the bot id; <c>Teams:AppId</c> the Teams app id (default: the
/// bot id); <c>Teams:Domain</c>, the bot's host name, is added to validDomains.
/// </summary>
public static partial class TeamsAppPackage
{
    public const string DefaultOutput = "reflectbot-teams.zip";

    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>The copy of deploymentTemplates/teams beside the app.</summary>
    public static string TemplateFolder => Path.Combine(AppContext.BaseDirectory, "teams");

    public static int Run(IConfiguration configuration, string? output, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var botId = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(botId) || !Guid.TryParse(botId, out _))
        {
            stderr.WriteLine("MicrosoftAppId must be set to the bot's app id (a GUID) to build the Teams package, e.g. MicrosoftAppId=<id> dotnet run --project src/ReflectBot -- teams-package.");
            return 2;
        }

        var appId = configuration["Teams:AppId"] is { Length: > 0 } configured ? configured : botId;
        output = Path.GetFullPath(output ?? DefaultOutput);
        using (var file = File.Create(output))
        {
            Build(TemplateFolder, appId, botId, configuration["Teams:Domain"], file);
        }

        stdout.WriteLine($"{output}: Teams app {appId} for bot {botId}. Upload it in Teams (Apps > Manage your apps > Upload an app) or the Teams admin center.");
        return 0;
    }

    /// <summary>Writes the package for the given ids into <paramref name="output"/>.</summary>
    public static void Build(string templateFolder, string appId, string botId, string? domain, Stream output)
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(templateFolder, "manifest.json")));
        manifest["id"] = appId;
        foreach (var bot in manifest["bots"] ?? new JArray())
        {
            bot["botId"] = botId;
        }

        if (!string.IsNullOrWhiteSpace(domain))
        {
            var host = HostOf(domain);
            var domains = manifest["validDomains"] as JArray ?? [];
            if (!domains.Any(d => string.Equals(d.Value<string>(), host, StringComparison.OrdinalIgnoreCase)))
            {
                domains.Add(host);
            }

            manifest["validDomains"] = domains;
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
        using (var writer = new StreamWriter(entry.Open()))
        {
            writer.Write(manifest.ToString(Formatting.Indented));
        }

        foreach (var icon in Files.Skip(1))
        {
            zip.CreateEntryFromFile(Path.Combine(templateFolder, icon), icon, CompressionLevel.Optimal);
        }
    }

    // validDomains takes host names, not URLs.
    private static string HostOf(string domain)
        => Uri.TryCreate(domain, UriKind.Absolute, out var uri) ? uri.Host : SchemeOrPath().Replace(domain.Trim(), string.Empty);

    [GeneratedRegex(@"^[a-zA-Z]+://|/.*$")]
    private static partial Regex SchemeOrPath();
}

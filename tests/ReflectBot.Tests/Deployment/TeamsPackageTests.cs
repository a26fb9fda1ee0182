using System.IO.Compression;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using ReflectBot.Channels.Teams;

namespace ReflectBot.Tests.Deployment;

public sealed class TeamsPackageTests
{
    private static readonly string Folder = RepoPaths.Of("deploymentTemplates", "teams");

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ValidateAsync(string manifestJson)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Folder, "schema", SchemaFile));
        return schema.Validate(manifestJson);
    }

    // Microsoft's published schema for the manifest version we use, as shipped in the npm package
    // @microsoft/app-manifest (MIT); the copy in the repo is checked against the package below.
    private const string SchemaFile = "MicrosoftTeams.v1.22.schema.json";

    [Fact]
    public void TheSchemaCopyIsThePublishedOne()
    {
        var published = RepoPaths.Of("node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v1.22", "MicrosoftTeams.schema.json");
        Assert.True(File.Exists(published), $"{published} is missing: run npm ci (scripts/test.sh does).");
        Assert.Equal(File.ReadAllText(published), File.ReadAllText(Path.Combine(Folder, "schema", SchemaFile)));
    }

    [Fact]
    public async Task TheManifestIsValidAgainstTheTeamsSchema()
    {
        var errors = await ValidateAsync(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task TheSchemaRefusesAManifestWithATooLongShortName()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        manifest["name"]!["short"] = new string('x', 31);
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        var errors = await ValidateAsync(manifest.ToString());
        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.StringTooLong && e.Path == "#/name.short");
        Assert.Contains("PatternMismatch: #/bots[0].botId", string.Join("\n", errors.Select(e => e.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void TheBotIsPersonalScopeOnlyWithTheSixCommands()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var bot = Assert.Single(manifest["bots"]!);
        Assert.Equal(["personal"], bot["scopes"]!.Values<string>());
        var commands = bot.SelectTokens("commandLists[*].commands[*].title").Select(t => t.Value<string>()).ToList();
        Assert.Equal(["check in", "journal", "mood", "learn", "privacy", "help"], commands);
        Assert.Equal("1.22", manifest.Value<string>("manifestVersion"));
    }

    [Fact]
    public void TheColourIconIs192SquareAndOpaque()
    {
        var icon = Png.Read(Path.Combine(Folder, "color.png"));
        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal(255, icon.Pixel(0, 0).A);
        Assert.Equal(255, icon.Pixel(96, 96).A);
    }

    [Fact]
    public void TheOutlineIconIs32SquareWhiteOnTransparent()
    {
        var icon = Png.Read(Path.Combine(Folder, "outline.png"));
        Assert.Equal((32, 32), (icon.Width, icon.Height));
        var drawn = 0;
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var (r, g, b, a) = icon.Pixel(x, y);
                if (a > 0)
                {
                    drawn++;
                    Assert.True(r == 255 && g == 255 && b == 255, $"pixel {x},{y} is not white");
                }
            }
        }

        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.InRange(drawn, 100, 900);
    }

    [Fact]
    public async Task ThePackageHoldsTheManifestWithTheIdsAndTheTwoIcons()
    {
        var botId = Guid.NewGuid().ToString();
        using var zipBytes = new MemoryStream();
        TeamsAppPackage.Build(Folder, botId, botId, "https://app-reflectbot.azurewebsites.net/", zipBytes);
        zipBytes.Position = 0;
        using var zip = new ZipArchive(zipBytes, ZipArchiveMode.Read);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        var manifest = JObject.Parse(text);
        Assert.Equal(botId, manifest.Value<string>("id"));
        Assert.Equal(botId, manifest.SelectToken("bots[0].botId")!.Value<string>());
        Assert.Contains("app-reflectbot.azurewebsites.net", manifest["validDomains"]!.Values<string>());
        Assert.Empty(await ValidateAsync(text));
        Assert.Equal(new FileInfo(Path.Combine(Folder, "color.png")).Length, zip.GetEntry("color.png")!.Length);
    }

    [Fact]
    public void TheCommandRefusesToBuildWithoutAnAppId()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, TeamsAppPackage.Run(configuration, Path.Combine(Support.TempFolder.Create(), "x.zip"), stdout, stderr));
        Assert.Contains("MicrosoftAppId", stderr.ToString(), StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels;
using ReflectBot.Hosting;
using ReflectBot.Storage;

namespace ReflectBot.Tests.Deployment;

/// <summary>The Bicep templates, the ARM JSON built from them, the parameter files and the settings the bot reads.</summary>
public sealed class AzureTemplateTests
{
    private static readonly string Folder = RepoPaths.Of("deploymentTemplates", "azure");

    /// <summary>
    /// Settings the bot reads that the template deliberately leaves at their defaults, with the reason.
    /// A new option must be set by the template or added here: the test fails until someone decides.
    /// </summary>
    private static readonly Dictionary<string, string> LeftAtDefault = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage__DataPath"] = "only the file store uses it; Azure runs the blob store",
        ["Telemetry__AzureMonitorConnectionString"] = "Application Insights' standard APPLICATIONINSIGHTS_CONNECTION_STRING is read as well, which is what the template wires",
        ["Telemetry__OtlpEndpoint"] = "Azure exports to Application Insights; OTLP is for a collector elsewhere",
        ["Telemetry__Enabled"] = "for tests and hosts that add their own exporter; an exporter's setting turns telemetry on",
        ["Storage__Blob__ConnectionString"] = "Azure uses the account URI and the managed identity, no keys",
        ["Storage__Blob__ContainerPrefix"] = "one deployment per account",
        ["Storage__Blob__StateContainer"] = "the template creates the default names",
        ["Storage__Blob__Containers"] = "the template creates the default names",
        ["Storage__Blob__NetworkTimeout"] = "the default suits Azure",
        ["Storage__Blob__MaxRetries"] = "the default suits Azure",
        ["Storage__Blob__SoftDeleteRetentionDays"] = "the template leaves blob soft delete off; set it beside the account's retention when you turn it on (README)",
        ["Content__Path"] = "the content ships beside the app",
        ["ConnectorRetry__MaxRetries"] = "the defaults follow Teams' guidance",
        ["ConnectorRetry__BaseDelay"] = "the defaults follow Teams' guidance",
        ["ConnectorRetry__MaxDelay"] = "the defaults follow Teams' guidance",
        ["Journal__PreviousKeys"] = "set only while rotating the key, as Journal__PreviousKeys__0 in the app's configuration (README)",
        ["Journal__ExportLinkLifetime"] = "the default (15 minutes) is the intended exposure of a download link",
        ["Safety__StorageWait"] = "the default (2 s) suits blob storage in the same region",
        ["Safety__ModelEnabled"] = "the model layer is on by default everywhere; turning it off is a deliberate operator choice",
        ["Safety__ModelWait"] = "the default (5 s) covers the model's load at start-up on the smallest plan",
        ["Safety__RepeatWindow"] = "the default (6 h) is a reply-wording choice, the same in every deployment",
        ["Clinic__ClinicianUserKeys"] = "clinicians in Azure come through Teams and are named by Entra object id (clinicianAadObjectIds)",
        ["Clinic__CodeLifetime"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__WrongCodeLimit"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__WrongCodeWindow"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__QuietHoursStart"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__QuietHoursEnd"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__MissedAfter"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__Lookback"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__MoodWindowDays"] = "a clinical policy default; change it in the app's configuration when a practice needs to",
        ["Clinic__Scheduler__Enabled"] = "every instance may run it: one leads at a time and each occurrence is claimed once",
        ["Clinic__Scheduler__LeaseDuration"] = "60 s suits every deployment size: a leader renews it at a third of its length, and a crashed leader is replaced within a minute",
        ["Clinic__Scheduler__Interval"] = "the default (1 minute) is the delivery precision the clinic promises",
        ["Clinic__Scheduler__ClaimTimeout"] = "the default suits App Service restarts",
        ["DirectLine__TokenLifetime"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__ServiceUrl"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxActivitiesPerConversation"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxConversations"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxActivityBytes"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__TokenAbsoluteLifetime"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__ConversationStartsPerMinute"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxTranscriptBytes"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__TokenRequestsPerMinute"] = "the default (20 a minute per client address) also suits the page's session requests in Azure",
        ["Hosting__AllowAnonymousNetworkAccess"] = "for development only; the template always configures an app id",
        ["Clinic__GlobalWrongCodeLimit"] = "the default keeps join codes unguessable within their lifetime (the arithmetic is on JoinCodes)",
        ["WebChat__DirectLineEndpoint"] = "Azure's public Direct Line service",
        ["WebChat__IdentityLifetime"] = "the default (a year since the last visit) keeps a person's journal theirs across visits",
        ["WebChat__ClinicianSignInLifetime"] = "the default (12 hours) is a working day's sign-in",
        ["WebChat__SignInLinkLifetime"] = "the default (15 minutes) is the intended exposure of a sign-in link",
    };

    private static JObject MainJson => JObject.Parse(File.ReadAllText(Path.Combine(Folder, "main.json")));

    [Fact]
    public async Task TheCommittedArmJsonIsWhatBicepBuildsFromMainBicep()
    {
        var bicep = BicepPath();
        var psi = new ProcessStartInfo(bicep, ["build", Path.Combine(Folder, "main.bicep"), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"bicep build failed: {await stderr}");
        Assert.DoesNotContain("Warning", await stderr, StringComparison.Ordinal);

        var built = WithoutGenerator(JObject.Parse(await stdout));
        var committed = WithoutGenerator(MainJson);
        Assert.True(JToken.DeepEquals(built, committed), "deploymentTemplates/azure/main.json is out of date: run bicep build main.bicep --outfile main.json");
    }

    [Theory]
    [InlineData("main.parameters.small.json")]
    [InlineData("main.parameters.scaled.json")]
    public void AParameterFileNamesOnlyTemplateParametersWithAllowedValues(string file)
    {
        var template = (JObject)MainJson["parameters"]!;
        var given = (JObject)JObject.Parse(File.ReadAllText(Path.Combine(Folder, file)))["parameters"]!;
        foreach (var parameter in given.Properties())
        {
            var definition = template[parameter.Name] as JObject;
            Assert.True(definition is not null, $"{file}: {parameter.Name} is not a parameter of main.bicep");
            var value = parameter.Value["value"]!;
            if (definition["allowedValues"] is JArray allowed)
            {
                Assert.Contains(value, allowed, JToken.EqualityComparer);
            }

            if (definition.Value<int?>("minValue") is { } min)
            {
                Assert.True(value.Value<int>() >= min, $"{file}: {parameter.Name} below {min}");
            }
        }

        foreach (var required in template.Properties().Where(p => p.Value["defaultValue"] is null))
        {
            Assert.True(given[required.Name] is not null, $"{file}: required parameter {required.Name} is missing");
        }
    }

    [Fact]
    public void TheScaledOutDeploymentRunsTwoOrMoreInstances()
    {
        var given = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "main.parameters.scaled.json")));
        Assert.True(given.SelectToken("parameters.instanceCount.value")!.Value<int>() >= 2);
    }

    [Fact]
    public void EverySettingTheBotReadsIsSetByTheTemplateOrDeliberatelyLeftAtItsDefault()
    {
        var set = AppSettings().Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = SettingsTheBotReads().Where(key => !set.Contains(key) && !LeftAtDefault.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "Not set by deploymentTemplates/azure (set it in main.bicep or list it in LeftAtDefault): " + string.Join(", ", missing));
    }

    [Fact]
    public void TheAppRunsAsTheManagedIdentityOnBlobStorageWithNoKey()
    {
        var settings = AppSettings();
        Assert.Equal("Blob", settings["Storage__Kind"].Value<string>());
        Assert.Contains("blobEndpoint", settings["Storage__Blob__AccountUri"].Value<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Storage__Blob__ConnectionString", settings.Keys);
        Assert.Equal("[parameters('appType')]", settings["MicrosoftAppType"].Value<string>());
        Assert.Equal("UserAssignedMSI", MainJson.SelectToken("parameters.appType.defaultValue")!.Value<string>());
        Assert.Equal(["SingleTenant", "UserAssignedMSI"], MainJson.SelectToken("parameters.appType.allowedValues")!.Values<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheStorageAccountIsPrivateWithTlsTwelveAndEveryContainerTheBotUses()
    {
        var storage = Resources(MainJson).Single(r => r.Value<string>("type") == "Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;
        Assert.Equal("TLS1_2", properties.Value<string>("minimumTlsVersion"));
        Assert.False(properties.Value<bool>("allowBlobPublicAccess"));
        Assert.False(properties.Value<bool>("allowSharedKeyAccess"));
        Assert.True(properties.Value<bool>("supportsHttpsTrafficOnly"));

        var containers = Resources(MainJson).Where(r => r.Value<string>("type") == "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.All(containers, c => Assert.Equal("None", c.SelectToken("properties.publicAccess")!.Value<string>()));
        var names = Nested(MainJson, "storage").SelectToken("variables.containers")!.Values<string>().ToList();
        Assert.Equal(ItemStoreNames.All.Prepend("state").Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));

        var role = Resources(MainJson).Single(r => r.Value<string>("type") == "Microsoft.Authorization/roleAssignments");
        Assert.Contains("blobDataContributor", role.SelectToken("properties.roleDefinitionId")!.Value<string>(), StringComparison.Ordinal);
        Assert.Equal("ba92f5b4-2d11-453d-a403-e96b0029c9fe", Nested(MainJson, "storage").SelectToken("variables.blobDataContributor")!.Value<string>());
    }

    [Fact]
    public void TheWebChatPageUsesDirectLineWithEnhancedAuthenticationTrustingOnlyTheAppsOwnOrigin()
    {
        var directLine = Resources(MainJson).Single(r => r.SelectToken("properties.channelName")?.Value<string>() == "DirectLineChannel");
        var site = Assert.Single((JArray)directLine.SelectToken("properties.properties.sites")!);
        Assert.True(site.Value<bool>("isSecureSiteEnabled"));
        Assert.False(site.Value<bool>("isV1Enabled"));
        Assert.True(site.Value<bool>("isV3Enabled"));
        Assert.Equal("[parameters('appOrigin')]", Assert.Single((JArray)site["trustedOrigins"]!).Value<string>());
        Assert.Equal("[variables('appOrigin')]", Module(MainJson, "bot").SelectToken("properties.parameters.appOrigin.value")!.Value<string>());
        Assert.Equal("[format('https://{0}.azurewebsites.net', variables('names').site)]", MainJson.SelectToken("variables.appOrigin")!.Value<string>());

        // The page's secrets come from Key Vault; the hosted Web Chat site (a stranger on every visit) is off.
        var settings = AppSettings();
        Assert.Contains("Microsoft.KeyVault", settings["WebChat__DirectLineSecret"].Value<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.KeyVault", settings["DirectLine__SigningKey"].Value<string>(), StringComparison.Ordinal);
        var hosted = Resources(MainJson).Single(r => r.SelectToken("properties.channelName")?.Value<string>() == "WebChatChannel");
        Assert.All((JArray)hosted.SelectToken("properties.properties.sites")!, s => Assert.False(s.Value<bool>("isEnabled")));
    }

    [Fact]
    public void TheAppNeverRunsAnonymous()
    {
        // The app id is the managed identity's client id (or the app registration's); a SingleTenant deployment
        // with an empty appId would listen on http://+:8080 with no app id, which the app refuses to start with
        // (Hosting/AnonymousExposure), and the development switch is never set here.
        var settings = AppSettings();
        Assert.Contains(").clientId", settings["MicrosoftAppId"].Value<string>(), StringComparison.Ordinal);
        Assert.Equal("http://+:8080", settings["Urls"].Value<string>());
        Assert.DoesNotContain("Hosting__AllowAnonymousNetworkAccess", settings.Keys);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = settings["Urls"].Value<string>(), ["MicrosoftAppId"] = string.Empty })
            .Build();
        Assert.NotNull(AnonymousExposure.Refusal(configuration));
    }

    [Fact]
    public void TheBotHasTheTeamsAndDirectLineChannelsAndPointsAtTheWebApp()
    {
        var channels = Resources(MainJson).Where(r => r.Value<string>("type") == "Microsoft.BotService/botServices/channels")
            .Select(r => r.SelectToken("properties.channelName")!.Value<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels);
        var web = Resources(MainJson).Single(r => r.Value<string>("type") == "Microsoft.Web/sites");
        Assert.Equal("DOTNETCORE|10.0", web.SelectToken("properties.siteConfig.linuxFxVersion")!.Value<string>());
        Assert.Equal("/health", web.SelectToken("properties.siteConfig.healthCheckPath")!.Value<string>());
        Assert.True(web.SelectToken("properties.httpsOnly")!.Value<bool>());
    }

    /// <summary>Every configuration key an options class binds, as App Service spells it (Section__Key).</summary>
    private static IEnumerable<string> SettingsTheBotReads()
    {
        var assembly = typeof(BotCredentialOptions).Assembly;
        foreach (var property in Settable(typeof(BotCredentialOptions)))
        {
            yield return property.Name;
        }

        foreach (var type in assembly.GetTypes())
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is string section)
            {
                foreach (var key in Keys(type, section.Replace(":", "__", StringComparison.Ordinal)))
                {
                    yield return key;
                }
            }
        }
    }

    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in Settable(type))
        {
            var name = $"{prefix}__{property.Name}";
            var kind = property.PropertyType;
            if (kind.IsClass && kind != typeof(string) && kind != typeof(Uri) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(kind) && kind.Namespace?.StartsWith("ReflectBot", StringComparison.Ordinal) == true)
            {
                foreach (var nested in Keys(kind, name))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    [Fact]
    public void CliniciansAreAListOfEntraObjectIdsWrittenAsIndexedSettings()
    {
        Assert.Equal("array", MainJson.SelectToken("parameters.clinicianAadObjectIds.type")!.Value<string>());
        Assert.Equal("[variables('clinicianSettings')]", Module(MainJson, "web").SelectToken("properties.parameters.listSettings.value")!.Value<string>());
        Assert.Equal(["Clinic__ClinicianAadObjectIds"], ListSettings());
    }

    [Fact]
    public void TheOperatorKeyAndTheExportAddressAreSetAndTheLocalDirectLineIsOff()
    {
        var settings = AppSettings();
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Safety__OperatorKey"].Value<string>(), StringComparison.Ordinal);
        Assert.Equal("securestring", MainJson.SelectToken("parameters.safetyOperatorKey.type")!.Value<string>());
        Assert.Equal("[variables('appOrigin')]", settings["Journal__PublicBaseUrl"].Value<string>());
        Assert.Equal("[format('https://{0}.azurewebsites.net', variables('names').site)]", MainJson.SelectToken("variables.appOrigin")!.Value<string>());
        Assert.Equal("false", settings["DirectLine__Enabled"].Value<string>());
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Journal__EncryptionKey"].Value<string>(), StringComparison.Ordinal);
    }

    /// <summary>The web app's settings as main.bicep passes them to the web module, and the lists it writes item by item.</summary>
    private static Dictionary<string, JToken> AppSettings()
    {
        var settings = ((JObject)Module(MainJson, "web").SelectToken("properties.parameters.appSettings.value")!).Properties().ToDictionary(p => p.Name, p => p.Value);
        foreach (var list in ListSettings())
        {
            settings[list] = JValue.CreateString("(one setting per item)");
        }

        return settings;
    }

    /// <summary>Settings main.bicep writes as Key__0, Key__1, ... from an array parameter (a variable built with toObject).</summary>
    private static List<string> ListSettings()
        => [.. ((JObject)MainJson["variables"]!).Properties()
            .SelectMany(v => System.Text.RegularExpressions.Regex.Matches(v.Value.ToString(), @"format\('([A-Za-z0-9_]+)__\{0\}'").Select(m => m.Groups[1].Value))];

    private static JObject Module(JObject template, string name)
        => Resources(template).Single(r => r.Value<string>("type") == "Microsoft.Resources/deployments" && r.Value<string>("name") == name);

    private static JObject Nested(JObject template, string module)
        => (JObject)Module(template, module).SelectToken("properties.template")!;

    /// <summary>Every resource in the template and its modules (symbolic-name or array form).</summary>
    private static IEnumerable<JObject> Resources(JObject template)
    {
        var resources = template["resources"] switch
        {
            JObject named => named.Properties().Select(p => p.Value).OfType<JObject>(),
            JArray list => list.OfType<JObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource.SelectToken("properties.template") is JObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JToken WithoutGenerator(JToken token)
    {
        var copy = token.DeepClone();
        foreach (var generator in copy.SelectTokens("$..metadata._generator").ToList())
        {
            generator.Parent!.Remove();
        }

        return copy;
    }

    private static string BicepPath()
    {
        var path = typeof(AzureTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        Assert.True(File.Exists(path), $"The Bicep CLI is missing at {path}: restore the test project (it is a PackageDownload).");
        if (!OperatingSystem.IsWindows())
        {
            // NuGet may extract it without the execute bit.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}

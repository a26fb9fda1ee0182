using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels;
using ReflectBot.Hosting;
using ReflectBot.Storage;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Deployment;

/// <summary>The Bicep templates, the ARM JSON built from them, the parameter files and the settings the bot reads.</summary>
public sealed class AzureTemplateTests
{
    private static readonly string Folder = RepoPaths.Of("deploymentTemplates", "azure");

    /// <summary>
    /// Settings the bot reads that mean nothing in Azure, with the reason. Everything else the bot reads must be set
    /// by the template (a parameter or derived): App Service replaces the whole set on every run, so a setting added
    /// anywhere else is lost on the next one. A new option fails the test until the template sets it.
    /// </summary>
    private static readonly Dictionary<string, string> InertInAzure = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage__DataPath"] = "only the file store uses it; Azure runs the blob store",
        ["Storage__Blob__ConnectionString"] = "never set: Azure uses the account URI and the managed identity, no keys",
        ["Telemetry__AzureMonitorConnectionString"] = "Application Insights' standard APPLICATIONINSIGHTS_CONNECTION_STRING is read as well, which is what the template wires",
        ["Telemetry__OtlpEndpoint"] = "Azure exports to Application Insights; OTLP is for a collector elsewhere",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "OpenTelemetry's standard name for Telemetry__OtlpEndpoint: Azure exports to Application Insights",
        ["Telemetry__Enabled"] = "for tests and hosts that add their own exporter; an exporter's setting turns telemetry on",
        ["Storage__Blob__ContainerPrefix"] = "one deployment per account",
        ["Content__Path"] = "the content ships beside the app",
        ["Hosting__AllowAnonymousNetworkAccess"] = "never set: for development only; the template always configures an app id",
        ["WebChat__DirectLineEndpoint"] = "Azure's public Direct Line service",
        ["DirectLine__TokenLifetime"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__ServiceUrl"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxActivitiesPerConversation"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxConversations"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxActivityBytes"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__TokenAbsoluteLifetime"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__ConversationStartsPerMinute"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["DirectLine__MaxTranscriptBytes"] = "the local Direct Line channel is off in Azure (DirectLine__Enabled=false)",
        ["Kestrel__Endpoints"] = "App Service listens through Urls",
        ["Safety__RememberModelReadings"] = "on by default; off only to measure the model's own cost (the benchmark)",
        ["Safety__ModelRunsAtOnce"] = "the default was measured on 2 cores (README); the App Service plan's size does not change it",
        ["Safety__ModelPrecision"] = "Int8 by default, what the shipped weights were trained on (README); start-up refuses Float32 with them",
        ["Safety__ModelPrecisionEvaluationOnly"] = "for measuring the other precision (benchmarks, evaluation), never set in production",
        ["Safety__Int8FidelityBound"] = "the load-time check of this CPU's int8 vectors decides by itself (README); the default holds on any App Service plan",
        ["FORWARDEDHEADERS_ENABLED"] = "the same switch as ASPNETCORE_FORWARDEDHEADERS_ENABLED, which the template pins to false",
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
    public async Task EachParameterFilePassesTheTemplatesTypes(string file)
    {
        // Bicep checks a parameters file against the template's types (the plan's tier against its instance count
        // and slot, the sealed objects, every bound) when it builds the equivalent .bicepparam.
        var given = (JObject)JObject.Parse(File.ReadAllText(Path.Combine(Folder, file)))["parameters"]!;
        var (exit, errors) = await BuildParamsAsync(given.Properties().Select(p => (p.Name, p.Value["value"]!)));
        Assert.True(exit == 0, $"{file} does not pass main.bicep's types: {errors}");
        Assert.DoesNotContain("Warning", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParameterFileThatBreaksTheBoundsIsRefusedNamingWhatIsWrong()
    {
        var (exit, errors) = await BuildParamsAsync(
        [
            ("baseName", "reflectbot"),
            ("plan", new JObject { ["kind"] = "basic", ["sku"] = "B1", ["instanceCount"] = 5, ["stagingSlot"] = true }),
        ]);
        Assert.NotEqual(0, exit);
        Assert.Contains("maximum allowable value is 3", errors, StringComparison.Ordinal);
        Assert.Contains("\"stagingSlot\" is not allowed", errors, StringComparison.Ordinal);

        (exit, errors) = await BuildParamsAsync([("baseName", "reflectbot"), ("storageSku", "Standard_RAGRS_typo")]);
        Assert.NotEqual(0, exit);
        Assert.Contains("Standard_RAGRS_typo", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScaledProfileRunsTwoOrMoreInstancesWithAStagingSlotOnZoneRedundantStorage()
    {
        var given = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "main.parameters.scaled.json")));
        Assert.True(given.SelectToken("parameters.plan.value.instanceCount")!.Value<int>() >= 2);
        Assert.True(given.SelectToken("parameters.plan.value.stagingSlot")!.Value<bool>());
        Assert.Contains(given.SelectToken("parameters.storageSku.value")!.Value<string>(), new[] { "Standard_ZRS", "Standard_GZRS" });
        Assert.True(given.SelectToken("parameters.privateStorage.value")!.Value<bool>());
    }

    [Fact]
    public void NamesAzureRequiresUniqueEverywhereCarryTheDerivedSuffix()
    {
        Assert.Equal("[uniqueString(subscription().id, resourceGroup().id, parameters('baseName'))]", MainJson.SelectToken("variables.suffix")!.Value<string>());
        var names = (JObject)MainJson.SelectToken("variables.names")!;
        foreach (var unique in new[] { "storage", "site", "bot", "vault", "registry" })
        {
            Assert.Contains("variables('suffix')", names[unique]!.Value<string>(), StringComparison.Ordinal);
        }

        // Each resource takes its name from there, not from the base name alone.
        Assert.Equal("[variables('names').bot]", Module(MainJson, "bot").SelectToken("properties.parameters.name.value")!.Value<string>());
        Assert.Equal("[variables('names').site]", Module(MainJson, "web").SelectToken("properties.parameters.siteName.value")!.Value<string>());
        Assert.Equal("[variables('names').storage]", Module(MainJson, "storage").SelectToken("properties.parameters.name.value")!.Value<string>());

        // Storage, vault and registry names allow 24 characters: a 2-letter prefix, 9 of the base name, uniqueString's 13.
        foreach (var capped in new[] { "storage", "vault", "registry" })
        {
            Assert.Contains("take(variables('compact'), 9)", names[capped]!.Value<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EverySettingTheBotReadsIsSetByTheTemplateOrInertInAzure()
    {
        var set = AppSettings().Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reads = SettingsTheBotReads().ToList();
        Assert.Contains("Teams__Domain", reads);
        Assert.Contains("Health__ReadinessTimeout", reads);
        var missing = reads.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(key => !set.Contains(key) && !set.Any(s => s.StartsWith(key + "__", StringComparison.OrdinalIgnoreCase)) && !InertInAzure.ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, "Not set by deploymentTemplates/azure (set it in main.bicep, or list it in InertInAzure if it means nothing there): " + string.Join(", ", missing));
        var stale = InertInAzure.Keys.Where(key => !reads.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(stale.Count == 0, "InertInAzure names settings the bot no longer reads: " + string.Join(", ", stale));
    }

    [Fact]
    public void TheTemplateWritesOutTheAppsOwnDefaults()
    {
        // Every setting whose value comes from policy (appDefaults unioned with the operator's choices) starts at
        // the app's own default: the deployed settings say what the app would do anyway unless someone chose.
        var defaults = (JObject)MainJson.SelectToken("variables.appDefaults")!;
        var options = OptionsTypes();
        var compared = 0;
        foreach (var (setting, value) in AppSettings())
        {
            var match = System.Text.RegularExpressions.Regex.Match(value.ToString(), @"^\[(?:string\()?variables\('(\w+)'\)\.(\w+)\)?\]$");
            if (!match.Success || defaults[match.Groups[1].Value]?[match.Groups[2].Value] is not JValue templateDefault)
            {
                continue;
            }

            var path = setting.Split("__");
            Assert.True(options.TryGetValue(path[0], out var type), $"{setting}: no options class binds section {path[0]}");
            var instance = Activator.CreateInstance(type!)!;
            PropertyInfo? property = null;
            for (var i = 1; i < path.Length; i++)
            {
                property = instance.GetType().GetProperty(path[i]);
                Assert.True(property is not null, $"{setting}: no property {path[i]}");
                if (i < path.Length - 1)
                {
                    instance = property.GetValue(instance)!;
                }
            }

            var appDefault = property!.GetValue(instance);
            var converter = System.ComponentModel.TypeDescriptor.GetConverter(property.PropertyType);
            var fromTemplate = converter.ConvertFromInvariantString(templateDefault.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(Equals(appDefault, fromTemplate), $"{setting}: the template's default {templateDefault} is not the app's {appDefault}");
            compared++;
        }

        Assert.True(compared >= 25, $"only {compared} settings compared: has appDefaults changed shape?");
    }

    [Fact]
    public void NoSettingIsLeftForThePortal()
    {
        // The README's deployment steps never send anyone to the portal to set something (the next run would wipe
        // it); sentences that say never to are the exception.
        var readme = File.ReadAllText(RepoPaths.Of("README.md"));
        var deploy = readme[readme.IndexOf("## Deploy to Azure and Teams", StringComparison.Ordinal)..readme.IndexOf("## Clinicians", StringComparison.Ordinal)];
        var sentences = System.Text.RegularExpressions.Regex.Split(System.Text.RegularExpressions.Regex.Replace(deploy, @"\s+", " "), @"(?<=[.:;])\s");
        var portal = sentences.Where(s => (s.Contains("portal", StringComparison.OrdinalIgnoreCase) || s.Contains("web app's configuration", StringComparison.OrdinalIgnoreCase) || s.Contains("appsettings set", StringComparison.Ordinal))
            && !s.Contains("never", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(portal.Count == 0, "The deployment section asks for a setting outside the template: " + string.Join(" | ", portal));

        // A setting holding a secret holds a Key Vault reference built from the vault the template grants, never a value.
        var secrets = AppSettings().Where(s => s.Key is "MicrosoftAppPassword" or "Journal__EncryptionKey" or "Safety__OperatorKey" or "DirectLine__SigningKey" or "WebChat__DirectLineSecret").ToList();
        Assert.Equal(5, secrets.Count);
        Assert.All(secrets, s => Assert.Contains("format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', reference('vaultAccess').outputs.vaultUri.value", s.Value.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(MainJson["parameters"]!.Children<JProperty>(), p => p.Value.Value<string>("type") == "securestring");
    }

    [Fact]
    public void TheTenantIsTheManagedIdentitys()
    {
        Assert.Null(MainJson.SelectToken("parameters.tenantId"));
        Assert.Equal("[reference('identity').tenantId]", AppSettings()["MicrosoftAppTenantId"].Value<string>());
        Assert.Equal("[reference('identity').tenantId]", Module(MainJson, "bot").SelectToken("properties.parameters.tenantId.value")!.Value<string>());
        var bot = Resources(MainJson).Single(r => r.Value<string>("type") == "Microsoft.BotService/botServices");
        Assert.Equal("[parameters('tenantId')]", bot.SelectToken("properties.msaAppTenantId")!.Value<string>());
    }

    [Fact]
    public void TheIdentityMayReadBlobsAndSecretsAndSendTelemetryAndTheAppWaitsForTheVaultRole()
    {
        var roles = new Dictionary<string, (string Module, string Id)>
        {
            ["blobDataContributor"] = ("storage", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
            ["secretsUser"] = ("keyVaultAccess", "4633458b-17de-408a-b874-0445c86b69e6"),
            ["metricsPublisher"] = ("monitoring", "3913510d-42f4-4e42-8a64-420c390055eb"),
            ["acrPull"] = ("registry", "7f951dda-4ed3-4680-a7ca-43fe172d538d"),
        };
        foreach (var (variable, (module, id)) in roles)
        {
            var nested = Nested(MainJson, module);
            Assert.Equal(id, nested.SelectToken($"variables.{variable}")!.Value<string>());
            var assignment = Resources(nested).Single(r => r.Value<string>("type") == "Microsoft.Authorization/roleAssignments"
                && r.SelectToken("properties.roleDefinitionId")!.Value<string>()!.Contains($"variables('{variable}')", StringComparison.Ordinal));
            Assert.Equal("ServicePrincipal", assignment.SelectToken("properties.principalType")!.Value<string>());
        }

        // The web app's settings are built from the vault access module's output, so they wait for the role: the
        // references resolve on the first start.
        Assert.Contains("vaultAccess", Module(MainJson, "web")["dependsOn"]!.Values<string>());
    }

    [Fact]
    public void TheStateCopyIsOnForOneInstanceAndOffForSeveralWithoutAffinity()
    {
        // The copy pays only when a person's next turn comes back to the same instance; the site has no affinity.
        Assert.Equal("[if(greater(parameters('plan').instanceCount, 1), '0', '2000')]", AppSettings()["Storage__StateCache__Entries"].Value<string>());
        var site = Resources(Nested(MainJson, "web")).Single(r => r.Value<string>("type") == "Microsoft.Web/sites");
        Assert.False(site.SelectToken("properties.clientAffinityEnabled")!.Value<bool>());
        var small = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "main.parameters.small.json")));
        var scaled = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "main.parameters.scaled.json")));
        Assert.Equal(1, small.SelectToken("parameters.plan.value.instanceCount")!.Value<int>());
        Assert.True(scaled.SelectToken("parameters.plan.value.instanceCount")!.Value<int>() > 1);
    }

    [Fact]
    public void WhatDeleteMyDataSaysComesFromTheStorageAccountsOwnRetention()
    {
        Assert.Equal("[string(reference('storage').outputs.deletedDataRecoverableDays.value)]", AppSettings()["Storage__Blob__SoftDeleteRetentionDays"].Value<string>());
        var storage = Nested(MainJson, "storage");
        Assert.Equal("[add(parameters('recoveryWindowDays'), 1)]", storage.SelectToken("variables.softDeleteDays")!.Value<string>());
        Assert.Equal("[add(if(parameters('versioning'), add(parameters('recoveryWindowDays'), 2), 0), variables('softDeleteDays'))]", storage.SelectToken("outputs.deletedDataRecoverableDays.value")!.Value<string>());
        var blobs = Resources(storage).Single(r => r.Value<string>("type") == "Microsoft.Storage/storageAccounts/blobServices");
        Assert.Equal("[variables('softDeleteDays')]", blobs.SelectToken("properties.deleteRetentionPolicy.days")!.Value<string>());
        Assert.Equal("[variables('softDeleteDays')]", blobs.SelectToken("properties.containerDeleteRetentionPolicy.days")!.Value<string>());
        Assert.Equal("[parameters('versioning')]", blobs.SelectToken("properties.isVersioningEnabled")!.Value<string>());
        var lifecycle = Resources(storage).Single(r => r.Value<string>("type") == "Microsoft.Storage/storageAccounts/managementPolicies");
        Assert.Equal("[parameters('recoveryWindowDays')]", lifecycle.SelectToken("properties.policy.rules[0].definition.actions.version.delete.daysAfterCreationGreaterThan")!.Value<string>());
        var storageLock = Resources(storage).Single(r => r.Value<string>("type") == "Microsoft.Authorization/locks");
        Assert.Equal("CanNotDelete", storageLock.SelectToken("properties.level")!.Value<string>());
    }

    [Fact]
    public void HardeningIsOn()
    {
        var web = Nested(MainJson, "web");
        var siteConfig = web.SelectToken("variables.siteConfig")!;
        Assert.Equal("1.2", siteConfig.Value<string>("scmMinTlsVersion"));
        Assert.Equal("1.2", siteConfig.Value<string>("minTlsVersion"));
        Assert.Equal("Disabled", siteConfig.Value<string>("ftpsState"));
        Assert.Null(siteConfig["appSettings"]);
        var credentials = Resources(web).Where(r => r.Value<string>("type")!.EndsWith("/basicPublishingCredentialsPolicies", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, credentials.Count);
        Assert.All(credentials, c => Assert.False(c.SelectToken("properties.allow")!.Value<bool>()));
        Assert.Equal("/health/ready", Module(MainJson, "web").SelectToken("properties.parameters.healthCheckPath.value")!.Value<string>());
        Assert.Equal("false", AppSettings()["ASPNETCORE_FORWARDEDHEADERS_ENABLED"].Value<string>());
        Assert.True(Nested(MainJson, "monitoring").SelectTokens("$..DisableLocalAuth").Single().Value<bool>());
    }

    [Fact]
    public void DiagnosticsAndAlertsCoverTheWebAppStorageVaultAndBot()
    {
        var scopes = Resources(MainJson).Where(r => r.Value<string>("type") == "Microsoft.Insights/diagnosticSettings").Select(r => r.Value<string>("scope")!).ToList();
        foreach (var type in new[] { "Microsoft.Web/sites", "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults", "Microsoft.BotService/botServices" })
        {
            Assert.Contains(scopes, s => s.Contains($"'{type}'", StringComparison.Ordinal));
        }

        var alerts = Nested(MainJson, "alerts");
        var metrics = alerts.SelectToken("variables.metricRules")!.Select(r => r.Value<string>("metric")).ToList();
        Assert.Equal(["Availability", "HealthCheckStatus", "Http401", "Http5xx"], metrics.Order(StringComparer.Ordinal));
        var query = Resources(alerts).Single(r => r.Value<string>("type") == "Microsoft.Insights/scheduledQueryRules").ToString();
        Assert.Contains("/api/messages", query, StringComparison.Ordinal);
        Assert.Contains("401", query, StringComparison.Ordinal);
        Assert.Equal("[reference('monitoring').outputs.connectionString.value]", AppSettings()["APPLICATIONINSIGHTS_CONNECTION_STRING"].Value<string>());
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
        Assert.Contains("'DOTNETCORE|10.0'", Module(MainJson, "web").SelectToken("properties.parameters.linuxFxVersion")!.ToString(), StringComparison.Ordinal);
        Assert.Equal("/health/ready", Module(MainJson, "web").SelectToken("properties.parameters.healthCheckPath.value")!.Value<string>());
        Assert.Equal("[parameters('healthCheckPath')]", Nested(MainJson, "web").SelectToken("variables.siteConfig.healthCheckPath")!.Value<string>());
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

        foreach (var (section, type) in OptionsTypes())
        {
            foreach (var key in Keys(type, section.Replace(":", "__", StringComparison.Ordinal)))
            {
                yield return key;
            }
        }

        // Keys the code reads from configuration directly (configuration["Teams:Domain"], GetValue<bool>("..."),
        // GetSection("...")), found in the source so a new one cannot be missed.
        var direct = new System.Text.RegularExpressions.Regex(@"(?:[Cc]onfiguration\[""(?<key>[A-Za-z0-9_:]+)""\]|[Cc]onfiguration\.GetValue<[^>]+>\(""(?<key>[A-Za-z0-9_:]+)""|[Cc]onfiguration\.GetSection\(""(?<key>[A-Za-z0-9_:]+)""\))");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Of("src", "ReflectBot"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (System.Text.RegularExpressions.Match match in direct.Matches(File.ReadAllText(file)))
            {
                yield return match.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Every options class of the bot by its section (its public const string Section).</summary>
    private static Dictionary<string, Type> OptionsTypes()
        => typeof(BotCredentialOptions).Assembly.GetTypes()
            .Select(type => (type, field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.field is { IsLiteral: true } && t.field.GetRawConstantValue() is string)
            .ToDictionary(t => (string)t.field!.GetRawConstantValue()!, t => t.type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the parameters as a .bicepparam beside a copy of the template and runs bicep build-params on it.</summary>
    private static async Task<(int ExitCode, string Errors)> BuildParamsAsync(IEnumerable<(string Name, JToken Value)> parameters)
    {
        var folder = TempFolder.Create();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bicep", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var text = new System.Text.StringBuilder("using 'main.bicep'\n");
        foreach (var (name, value) in parameters)
        {
            text.Append("param ").Append(name).Append(" = ").Append(BicepLiteral(value, string.Empty)).Append('\n');
        }

        var paramFile = Path.Combine(folder, "given.bicepparam");
        await File.WriteAllTextAsync(paramFile, text.ToString());
        var psi = new ProcessStartInfo(BicepPath(), ["build-params", paramFile, "--stdout"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        return (process.ExitCode, await stderr);
    }

    /// <summary>A JSON value as a Bicep literal: objects and arrays one item a line, strings in single quotes.</summary>
    private static string BicepLiteral(JToken value, string indent) => value switch
    {
        JObject o => "{\n" + string.Concat(o.Properties().Select(p => $"{indent}  {p.Name}: {BicepLiteral(p.Value, indent + "  ")}\n")) + indent + "}",
        JArray a => "[\n" + string.Concat(a.Select(v => $"{indent}  {BicepLiteral(v, indent + "  ")}\n")) + indent + "]",
        JValue { Type: JTokenType.String } v => "'" + v.Value<string>()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal) + "'",
        JValue { Type: JTokenType.Boolean } v => v.Value<bool>() ? "true" : "false",
        JValue { Type: JTokenType.Null } => "null",
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

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
        Assert.StartsWith("[union(variables('clinicianSettings'), ", Module(MainJson, "web").SelectToken("properties.parameters.listSettings.value")!.Value<string>(), StringComparison.Ordinal);
        Assert.Equal(["Admin__AllowedNetworks", "Clinic__ClinicianAadObjectIds", "Clinic__ClinicianUserKeys", "Hosting__TrustedProxyNetworks", "Journal__PreviousKeys"], ListSettings().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheOperatorKeyAndTheExportAddressAreSetAndTheLocalDirectLineIsOff()
    {
        var settings = AppSettings();
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Safety__OperatorKey"].Value<string>(), StringComparison.Ordinal);
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

    /// <summary>Settings main.bicep writes as Key__0, Key__1, ... from an array parameter (toObject, in a variable or inline in listSettings).</summary>
    private static List<string> ListSettings()
        => [.. ((JObject)MainJson["variables"]!).Properties().Select(v => v.Value.ToString())
            .Append(Module(MainJson, "web").SelectToken("properties.parameters.listSettings.value")!.ToString())
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, @"format\('([A-Za-z0-9_]+)__\{0\}'").Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)];

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

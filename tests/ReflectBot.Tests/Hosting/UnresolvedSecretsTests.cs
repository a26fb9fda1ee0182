using Microsoft.Extensions.Configuration;
using ReflectBot.Hosting;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Hosting;

/// <summary>
/// A Key Vault reference App Service could not resolve reaches the app as text; the app refuses to start and names
/// the setting, so the literal never becomes a key (the operator key would be guessable from the secret's address).
/// </summary>
public sealed class UnresolvedSecretsTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kvreflectbot.vault.azure.net/secrets/journal-key/)";

    [Theory]
    [InlineData("Journal:EncryptionKey", "Journal__EncryptionKey")]
    [InlineData("Safety:OperatorKey", "Safety__OperatorKey")]
    [InlineData("Journal:PreviousKeys:0", "Journal__PreviousKeys__0")]
    [InlineData("MicrosoftAppPassword", "MicrosoftAppPassword")]
    public void AnUnresolvedReferenceInAnySettingIsNamedAsAppServiceSpellsIt(string key, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = Reference, ["Safety:ModelEnabled"] = "true" }).Build();
        Assert.Equal([named], UnresolvedSecrets.Settings(configuration));
        Assert.Contains(named, UnresolvedSecrets.Refusal(configuration), StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvedSecretsAndOrdinaryTextPass()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Journal:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
            ["Clinic:Note"] = "see @Microsoft.KeyVault( in the README",
        }).Build();
        Assert.Null(UnresolvedSecrets.Refusal(configuration));
    }

    [Fact]
    public async Task TheAppRefusesToStartInOneLineNamingEveryUnresolvedSetting()
    {
        var (exitCode, stdout, stderr) = await RefusedStart.RunAsync(
            new Dictionary<string, string>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Journal__EncryptionKey"] = Reference,
                ["Safety__OperatorKey"] = Reference.Replace("journal-key", "safety-operator-key", StringComparison.Ordinal),
            },
            "The host started with unresolved Key Vault references instead of refusing.");

        Assert.Equal(4, exitCode);
        var reason = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Journal__EncryptionKey, Safety__OperatorKey", reason, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);
    }
}

namespace ReflectBot.Hosting;

/// <summary>
/// App Service hands a setting it could not resolve from Key Vault (the identity lacks the role yet, the secret is
/// missing or disabled) to the app as its literal text, <c>@Microsoft.KeyVault(SecretUri=...)</c>. Taken as a value,
/// such a string would be an operator key anyone can guess from the secret's address, or a journal key that is not
/// one. So the host refuses to start while any setting still holds one, naming each setting as App Service spells it.
/// </summary>
public static class UnresolvedSecrets
{
    public const string ReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>The settings (App Service spelling, <c>Section__Key</c>) whose value is still a Key Vault reference.</summary>
    public static IReadOnlyList<string> Settings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.AsEnumerable()
            .Where(pair => pair.Value is { } value && value.TrimStart().StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The one line to print and stop with, or null when every secret was resolved.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        var unresolved = Settings(configuration);
        return unresolved.Count == 0
            ? null
            : $"ReflectBot will not start: {string.Join(", ", unresolved)} {(unresolved.Count == 1 ? "is an unresolved Key Vault reference" : "are unresolved Key Vault references")}: App Service could not read the secret (does the web app's identity have Key Vault Secrets User on the vault, and does the secret exist and is it enabled?). Fix it, then restart the web app.";
    }
}

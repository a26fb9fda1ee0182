namespace ReflectBot.Channels;

/// <summary>
/// The Bot Framework's own configuration keys, bound only to check them at start-up: a bot that cannot
/// authenticate should refuse to start with a clear message, not answer every request with a 500.
/// </summary>
public sealed class BotCredentialOptions
{
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(MicrosoftAppId))
        {
            yield break;
        }

        var type = string.IsNullOrWhiteSpace(MicrosoftAppType) ? "MultiTenant" : MicrosoftAppType;
        switch (type.ToLowerInvariant())
        {
            case "multitenant":
                if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
                {
                    yield return "MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.";
                }

                break;
            case "singletenant":
                if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
                {
                    yield return "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.";
                }

                if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                {
                    yield return "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.";
                }

                break;
            case "userassignedmsi":
                if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                {
                    yield return "MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.";
                }

                break;
            default:
                yield return $"MicrosoftAppType '{MicrosoftAppType}' is not one of UserAssignedMSI, SingleTenant, MultiTenant.";
                break;
        }
    }
}

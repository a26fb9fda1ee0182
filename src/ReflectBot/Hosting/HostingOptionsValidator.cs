using Microsoft.Extensions.Options;

namespace ReflectBot.Hosting;

/// <summary>
/// Fails start-up on a proxy network that is not CIDR, and on ASP.NET Core's own forwarded-headers switch
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>), which believes those headers from any peer: with it, anyone could
/// choose the client address the admin allow-list and the rate limits see.
/// </summary>
public sealed class HostingOptionsValidator(IConfiguration configuration) : IValidateOptions<HostingOptions>
{
    public const string FrameworkSwitchRefused =
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED=true trusts X-Forwarded-For from any peer; set it to false and name the proxy's networks in Hosting__TrustedProxyNetworks__N instead.";

    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Networks.Problems(options.TrustedProxyNetworks, $"{HostingOptions.Section}:{nameof(HostingOptions.TrustedProxyNetworks)}").ToList();
        if (configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED") || configuration.GetValue<bool>("ASPNETCORE_FORWARDEDHEADERS_ENABLED"))
        {
            problems.Add(FrameworkSwitchRefused);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Microsoft.Extensions.Options;

namespace ReflectBot.Hosting;

/// <summary>Fails start-up on an admin network that is not CIDR, naming the item.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Networks.Problems(options.AllowedNetworks, $"{AdminOptions.Section}:{nameof(AdminOptions.AllowedNetworks)}").ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Microsoft.Extensions.Options;

namespace ReflectBot.Channels;

/// <summary>Fails start-up with every problem in the Bot Framework credentials, by name.</summary>
public sealed class BotCredentialValidator : IValidateOptions<BotCredentialOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

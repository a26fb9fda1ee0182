using Microsoft.Extensions.Options;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Channels.DirectLine;

/// <summary>Fails start-up on web chat settings that would lose people's identity or open the page to other sites, naming each.</summary>
public sealed class WebChatOptionsValidator(IOptions<DirectLineOptions> directLine, IOptions<JournalOptions> journal) : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.UsesAzureDirectLine)
        {
            if (string.IsNullOrWhiteSpace(directLine.Value.SigningKey))
            {
                problems.Add("WebChat:DirectLineSecret is set, so DirectLine:SigningKey must be too: it signs the cookie that keeps each person's user id; a key made per process would make everyone a stranger after a restart.");
            }

            if (!Uri.TryCreate(journal.Value.PublicBaseUrl, UriKind.Absolute, out var origin) || origin.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add("WebChat:DirectLineSecret is set, so Journal:PublicBaseUrl must be the app's https address: it is the only origin Direct Line's enhanced authentication trusts.");
            }
        }

        if (!options.DirectLineEndpoint.IsAbsoluteUri)
        {
            problems.Add("WebChat:DirectLineEndpoint must be an absolute address.");
        }

        if (options.IdentityLifetime < TimeSpan.FromDays(1) || options.ClinicianSignInLifetime < TimeSpan.FromMinutes(10) || options.ClinicianSignInLifetime > TimeSpan.FromDays(7)
            || options.SignInLinkLifetime < TimeSpan.FromMinutes(1) || options.SignInLinkLifetime > TimeSpan.FromDays(1))
        {
            problems.Add("WebChat: IdentityLifetime must be at least a day, ClinicianSignInLifetime between 10 minutes and 7 days, SignInLinkLifetime between 1 minute and a day.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

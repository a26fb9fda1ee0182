using Microsoft.Extensions.Options;

namespace ReflectBot.Channels.DirectLine;

/// <summary>Fails start-up on settings that would make the channel insecure or unusable, naming each.</summary>
public sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.TokenLifetime < TimeSpan.FromMinutes(20) || options.TokenLifetime > TimeSpan.FromDays(1))
        {
            problems.Add("DirectLine:TokenLifetime must be between 00:20:00 and 1.00:00:00 (Web Chat refreshes its token every 15 minutes).");
        }

        if (options.TokenAbsoluteLifetime < options.TokenLifetime || options.TokenAbsoluteLifetime > TimeSpan.FromDays(7))
        {
            problems.Add("DirectLine:TokenAbsoluteLifetime must be at least DirectLine:TokenLifetime and at most 7.00:00:00.");
        }

        if (options.TokenRequestsPerMinute < 1 || options.ConversationStartsPerMinute < 1)
        {
            problems.Add("DirectLine:TokenRequestsPerMinute and DirectLine:ConversationStartsPerMinute must be at least 1.");
        }

        if (options.MaxTranscriptBytes < 16 * 1024)
        {
            problems.Add("DirectLine:MaxTranscriptBytes must be at least 16384.");
        }

        if (!string.IsNullOrEmpty(options.SigningKey) && !IsLongEnoughKey(options.SigningKey))
        {
            problems.Add("DirectLine:SigningKey must be base64 of at least 32 bytes.");
        }

        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add("DirectLine:ServiceUrl must be an absolute http(s) address.");
        }

        if (options.MaxActivitiesPerConversation < 10)
        {
            problems.Add("DirectLine:MaxActivitiesPerConversation must be at least 10.");
        }

        if (options.MaxConversations < 1)
        {
            problems.Add("DirectLine:MaxConversations must be at least 1.");
        }

        if (options.MaxActivityBytes < 1024)
        {
            problems.Add("DirectLine:MaxActivityBytes must be at least 1024.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsLongEnoughKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32;
    }
}

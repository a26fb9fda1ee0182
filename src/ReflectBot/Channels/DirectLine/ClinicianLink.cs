using Microsoft.Extensions.Options;
using ReflectBot.Kernel;
using ReflectBot.Storage.Sealing;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// <c>clinician-link NAME</c>: prints a one-time sign-in link for the web chat clinician configured as
/// "webchat/NAME" in Clinic:ClinicianUserKeys ("directline/NAME" when the page uses Azure's Direct Line). Opened in the clinician's browser, it signs that browser in as
/// NAME (a signed cookie), so the web chat's tokens carry the clinician's user key: the only way a web chat
/// visitor becomes a clinician.
/// </summary>
public static class ClinicianLink
{
    public static int Run(IServiceProvider services, IConfiguration configuration, string? name, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (string.IsNullOrWhiteSpace(name) || !IsUsableName(name))
        {
            error.WriteLine("Usage: clinician-link NAME, where \"webchat/NAME\" is in Clinic:ClinicianUserKeys (NAME: letters, digits, '.', '-', '_'; not starting with \"dl_\").");
            return 2;
        }

        var channel = services.GetRequiredService<IOptions<WebChatOptions>>().Value.ChannelId;
        if (!services.GetRequiredService<IClinicianDirectory>().IsClinicianKey(UserKeys.From(channel, name)))
        {
            error.WriteLine($"{name} is not a web chat clinician: add \"{channel}/{name}\" to Clinic:ClinicianUserKeys first.");
            return 1;
        }

        var directLine = services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        if (!directLine.IsEnabled && string.IsNullOrWhiteSpace(directLine.SigningKey))
        {
            error.WriteLine("The local web chat is off and no DirectLine:SigningKey is configured, so the host could not check a link made here. Configure DirectLine:SigningKey (the same value as the host's).");
            return 1;
        }

        var (code, expires) = services.GetRequiredService<WebChatIdentity>().SignInCode(name);
        output.WriteLine($"{BaseUrl(services, configuration)}webchat/signin/{code}");
        error.WriteLine($"One-time sign-in link for {name}: open it in the clinician's own browser before {expires:yyyy-MM-dd HH:mm} UTC. It works once; the sign-in lasts {services.GetRequiredService<IOptions<WebChatOptions>>().Value.ClinicianSignInLifetime.TotalHours:0.#} hours.");
        return 0;
    }

    // Web chat ids this host makes start with "dl_"; a clinician's never does, so the two cannot meet.
    private static bool IsUsableName(string name)
        => name.Length <= 64 && !name.StartsWith("dl_", StringComparison.OrdinalIgnoreCase)
           && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static string BaseUrl(IServiceProvider services, IConfiguration configuration)
    {
        if (Uri.TryCreate(services.GetRequiredService<IOptions<JournalOptions>>().Value.PublicBaseUrl, UriKind.Absolute, out var configured))
        {
            return configured.AbsoluteUri.EndsWith('/') ? configured.AbsoluteUri : configured.AbsoluteUri + "/";
        }

        var first = (configuration["urls"] ?? "http://localhost:3978").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:3978";
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return first.EndsWith('/') ? first : first + "/";
    }
}

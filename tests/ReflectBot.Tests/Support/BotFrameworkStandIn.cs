using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReflectBot.Tests.Support;

/// <summary>
/// A loopback stand-in for the parts of the Bot Framework this machine cannot reach: login.botframework.com's
/// OpenID metadata and signing keys (which CloudAdapter fetches to check a channel's token), and the token
/// endpoint the bot's own credentials ask for a token to call a connector. It signs channel tokens the way
/// the Bot Connector does (RS256, issuer https://api.botframework.com, audience the bot's app id, a serviceurl
/// claim) with a key only this test run has.
/// <para>
/// The SDK fetches metadata with its own HttpClient and only over https, so the stand-in serves https with a
/// certificate made for this run and trusted through the current user's root store (.NET's own store on
/// Linux): added at start, removed when the process exits. Its private key never leaves memory, so a copy left
/// behind by a killed run can sign nothing. One stand-in per test process: the SDK caches metadata per address.
/// </para>
/// </summary>
public sealed class BotFrameworkStandIn
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private const string CertificateSubject = "CN=ReflectBot test Bot Framework stand-in";

    // Long enough for any test run; a certificate left by a killed run is tidied away once it has expired.
    private static readonly TimeSpan CertificateLifetime = TimeSpan.FromHours(12);

    private static readonly Lazy<BotFrameworkStandIn> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private int _tokensIssued;

    private BotFrameworkStandIn()
    {
    }

    public static BotFrameworkStandIn Shared => Instance.Value;

    public Uri BaseAddress { get; private set; } = null!;

    public string KeyId { get; } = "test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>How many tokens the bot's credentials asked for (it calls a connector only with one).</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>The settings that make a host trust this stand-in as the Bot Framework, for <paramref name="appId"/>.</summary>
    public IEnumerable<(string Key, string? Value)> HostSettings(string appId) =>
    [
        ("MicrosoftAppType", "MultiTenant"),
        ("MicrosoftAppId", appId),
        ("MicrosoftAppPassword", "test-secret-" + appId[..8]),
        ("ToBotFromChannelOpenIdMetadataUrl", new Uri(BaseAddress, "v1/.well-known/openidconfiguration").AbsoluteUri),
        ("ToBotFromEmulatorOpenIdMetadataUrl", new Uri(BaseAddress, "emulator/.well-known/openid-configuration").AbsoluteUri),
        ("ToBotFromChannelTokenIssuer", ChannelIssuer),
        ("ToChannelFromBotLoginUrl", new Uri(BaseAddress, "botframework.com").AbsoluteUri),
        ("ToChannelFromBotOAuthScope", "https://api.botframework.com"),
        ("OAuthUrl", new Uri(BaseAddress, "oauth").AbsoluteUri),
        ("ValidateAuthority", "false"),
        ("CallerId", "urn:botframework:azure"),
    ];

    /// <summary>
    /// A channel token as the Bot Connector sends it with each activity. <paramref name="otherKey"/> signs it
    /// with a key the stand-in does not publish (a forgery).
    /// </summary>
    public string ChannelToken(string audience, string serviceUrl, bool otherKey = false, TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId, ["x5t"] = KeyId };
        var payload = new JsonObject
        {
            ["iss"] = ChannelIssuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(30))).ToUnixTimeSeconds(),
        };
        var unsigned = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = (otherKey ? _otherKey : _signingKey).SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return unsigned + "." + Base64Url.EncodeToString(signature);
    }

    private static BotFrameworkStandIn Start()
    {
        var standIn = new BotFrameworkStandIn();
        var certificate = TrustedCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Metadata(http));
        app.MapGet("/emulator/.well-known/openid-configuration", (HttpContext http) => Metadata(http));
        app.MapGet("/keys", standIn.Keys);

        // The token endpoint the bot's credentials call (MSAL, client credentials) before calling a connector.
        app.MapPost("/botframework.com/oauth2/v2.0/token", () =>
        {
            Interlocked.Increment(ref standIn._tokensIssued);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = "stand-in-access-token" });
        });
        app.StartAsync().GetAwaiter().GetResult();
        standIn.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return standIn;
    }

    private static IResult Metadata(HttpContext http)
    {
        var self = $"{http.Request.Scheme}://{http.Request.Host}/";
        return Results.Json(new JsonObject
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = self + "authorize",
            ["jwks_uri"] = self + "keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private IResult Keys()
    {
        var parameters = _signingKey.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["x5t"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),

            // The channels this key may sign for, as the real service lists them.
            ["endorsements"] = new JsonArray("msteams", "webchat", "directline", "emulator"),
        };
        return Results.Json(new JsonObject { ["keys"] = new JsonArray(key) });
    }

    private static X509Certificate2 TrustedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"{CertificateSubject} {Environment.ProcessId}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + CertificateLifetime);
        var withKey = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        var publicPart = X509CertificateLoader.LoadCertificate(created.RawData);

        using (var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            store.Open(OpenFlags.ReadWrite);

            // A run that was killed left its certificate: harmless (its key is gone), but tidy it away once
            // expired (another test process may be using a live one right now).
            foreach (var stale in store.Certificates.Where(c => c.Subject.StartsWith(CertificateSubject, StringComparison.Ordinal) && c.NotAfter < DateTime.Now).ToList())
            {
                store.Remove(stale);
            }

            store.Add(publicPart);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadWrite);
            store.Remove(publicPart);
        };
        return withKey;
    }
}

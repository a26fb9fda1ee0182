using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using ReflectBot.Channels.DirectLine;
using ReflectBot.Clinic;
using ReflectBot.Tests.Channels;
using ReflectBot.Tests.Clinic;
using ReflectBot.Tests.Deployment;
using ReflectBot.Tests.Journeys;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>The page at / and what it asks the host: its headers, who a visitor is, and how a clinician signs in.</summary>
public sealed partial class PageTests : IDisposable
{
    private readonly LiveBotHost _host = new(null, ("Clinic:ClinicianUserKeys:0", "webchat/dr-lee"));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ThePageSendsAStrictContentSecurityPolicyAndNoReferrer()
    {
        using var http = _host.Http();
        var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.StartsWith("frame-ancestors 'self' https://teams.microsoft.com", directives["frame-ancestors"], StringComparison.Ordinal);
        Assert.DoesNotContain("*", directives["frame-ancestors"].Replace("https://*.", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        // And the page itself has no inline script or event handler that such a policy would have to allow.
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(ScriptTag().Matches(html), m => Assert.Matches("src=\"[^\"]+\"", m.Value));
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public async Task AVisitorGetsAHostChosenUserIdInAnHttpOnlyStrictCookieAndKeepsItAcrossVisits()
    {
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = _host.BaseAddress };
        var first = await browser.PostAsync(new Uri("webchat/session", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var user = UserOf(await first.Content.ReadAsStringAsync());
        Assert.Matches("^dl_[0-9a-f]{32}$", user);

        // A later visit with no stored conversation: a new conversation, the same person.
        var second = JObject.Parse(await (await browser.PostAsync(new Uri("webchat/session", UriKind.Relative), null)).Content.ReadAsStringAsync());
        Assert.Equal(user, UserOf(second.ToString()));

        // A cookie someone edited is no cookie: a stranger, not the person it names.
        using var forger = new HttpClient { BaseAddress = _host.BaseAddress };
        var value = cookie.Split(';')[0].Split('=', 2)[1];
        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri("webchat/session", UriKind.Relative));
        forged.Headers.Add("Cookie", $"{WebChatIdentity.CookieName}={value[..^2]}AA");
        Assert.NotEqual(user, UserOf(await (await forger.SendAsync(forged)).Content.ReadAsStringAsync()));

        // Another person's stored token does not move this visitor into their conversation.
        var other = await DirectLineSession.GenerateAsync(forger);
        using var borrow = new HttpRequestMessage(HttpMethod.Post, new Uri("webchat/session", UriKind.Relative));
        borrow.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", other.Token);
        var borrowed = JObject.Parse(await (await browser.SendAsync(borrow)).Content.ReadAsStringAsync());
        Assert.Equal(user, UserOf(borrowed.ToString()));
        Assert.NotEqual(other.ConversationId, (string)borrowed["conversationId"]!);
    }

    [Fact]
    public async Task AClinicianLinkSignsOneBrowserInOnceAndItsTokensCarryTheClinicianKey()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(0, ClinicianLink.Run(_host.Services, _host.Services.GetRequiredService<IConfiguration>(), "dr-lee", output, errors));
        var link = new Uri(output.ToString().Trim());
        Assert.Equal("/webchat/signin/", link.AbsolutePath[..16]);
        var code = link.AbsolutePath[16..];

        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _host.BaseAddress };
        var page = await browser.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains(ContentFolders.Say(WebChatStrings.SignInQuestion, ("name", "dr-lee")), page, StringComparison.Ordinal);
        Assert.Contains($"<button type=\"submit\">{ContentFolders.Say(WebChatStrings.SignInButton, ("name", "dr-lee"))}</button>", page, StringComparison.Ordinal);
        var signIn = await browser.PostAsync(new Uri("webchat/signin", UriKind.Relative), new FormUrlEncodedContent([new("code", code)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var grant = JObject.Parse(await (await browser.PostAsync(new Uri("webchat/session", UriKind.Relative), null)).Content.ReadAsStringAsync());
        Assert.Equal("dr-lee", UserOf(grant.ToString()));
        var session = new DirectLineSession(browser, (string)grant["conversationId"]!, (string)grant["token"]!);
        Assert.Equal(HttpStatusCode.Created, (await session.SendAsync(HttpMethod.Post, "v3/directline/conversations")).StatusCode);
        var (_, mark) = await session.ActivitiesAsync();
        await session.SayAsync("new client code");
        Assert.Contains("Your new client code is", await session.BotTextAsync(mark), StringComparison.Ordinal);

        // Once only, whoever tries it next.
        using var second = new HttpClient { BaseAddress = _host.BaseAddress };
        var again = await second.PostAsync(new Uri("webchat/signin", UriKind.Relative), new FormUrlEncodedContent([new("code", code)]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(ContentFolders.Say(WebChatStrings.SignInInvalid), await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And only for a configured clinician.
        Assert.Equal(1, ClinicianLink.Run(_host.Services, _host.Services.GetRequiredService<IConfiguration>(), "dr-who", output, errors));
        Assert.Equal(2, ClinicianLink.Run(_host.Services, _host.Services.GetRequiredService<IConfiguration>(), "dl_0123", output, errors));
    }

    [Fact]
    public async Task ANameFromThePageReachesTheClinicianAsPlainWordsNeverMarkdown()
    {
        using var host = new ClinicHost(ClinicHost.Clock());
        var clinician = host.User(ClinicHost.ClinicianA, "Dr A");
        var code = await clinician.NewCodeAsync();
        var client = host.User("client-md", "**Sam** [verify your account](https://attacker.example/x) <img src=x onerror=alert(1)> evil.example `code` # Title");
        await client.ConnectAsync(code);

        var clients = await clinician.ReadAsync("clients");
        Assert.Contains("Sam verify your account", clients, StringComparison.Ordinal);
        foreach (var markup in new[] { "**", "[", "](", "<img", "https://attacker", "evil.example", "`", "#" })
        {
            Assert.DoesNotContain(markup, clients, StringComparison.Ordinal);
        }
    }

    private static string UserOf(string grant) => (string)DirectLineSession.Payload((string)JObject.Parse(grant)["token"]!)["user"]!;

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json;
using ReflectBot.Hosting;
using ReflectBot.Tests.Deployment;
using ReflectBot.Tests.Support;

namespace ReflectBot.Tests.Security;

/// <summary>
/// With no app id nobody is authenticated, so the host answers /api/messages on loopback only, and refuses to
/// start where it would be reachable from the network (the container image, App Service), unless the
/// development setting says otherwise.
/// </summary>
public sealed class AnonymousExposureTests
{
    [Fact]
    public async Task AnAnonymousRequestFromTheNetworkIsRefusedAndTouchesNothing()
    {
        var calls = new StoreCalls();
        using var host = new BotHost { TestServices = calls.Install };
        _ = host.CreateClient();
        var before = calls.Count;

        var response = await SendFromAsync(host, IPAddress.Parse("203.0.113.7"));

        Assert.Equal(StatusCodes.Status403Forbidden, response.Response.StatusCode);
        Assert.Equal(before, calls.Count);
    }

    [Fact]
    public async Task AnAnonymousRequestFromLoopbackIsAnswered()
    {
        using var host = new BotHost();
        var response = await SendFromAsync(host, IPAddress.Loopback);
        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
    }

    [Fact]
    public async Task TheDevelopmentSettingOpensItAndTheLogSaysSo()
    {
        var logs = new LogSink();
        using var host = new BotHost(null, ("Hosting:AllowAnonymousNetworkAccess", "true")) { TestServices = s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs) };
        _ = host.CreateClient();
        var response = await SendFromAsync(host, IPAddress.Parse("203.0.113.7"));
        Assert.Equal(StatusCodes.Status200OK, response.Response.StatusCode);
        Assert.Contains(logs.Lines, m => m.Contains("AllowAnonymousNetworkAccess is on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheContainerImageRefusesToStartWithoutAnAppIdInOneLine()
    {
        // The runtime stage's ENV, as the image sets it.
        var dockerfile = File.ReadAllText(RepoPaths.Of("Dockerfile"));
        var runtime = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        var env = Regex.Matches(runtime, @"(?<key>[A-Za-z_]+)=(?<value>\S+)").ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
        Assert.Equal("http://+:8080", env["Urls"]);
        Assert.DoesNotContain(env.Keys, k => k.Contains("AllowAnonymous", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MicrosoftApp", StringComparison.Ordinal));

        var (exitCode, stdout, stderr) = await RefusedStart.RunAsync(
            new Dictionary<string, string>
            {
                ["Urls"] = env["Urls"],

                // Should the check ever fail, Kestrel binds these configured endpoints instead of Urls: loopback only.
                ["Kestrel__Endpoints__Test__Url"] = "http://127.0.0.1:0",
            },
            "The host started anonymous on http://+:8080 instead of refusing.");

        Assert.NotEqual(0, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reason = Assert.Single(lines);
        Assert.Contains("MicrosoftAppId", reason, StringComparison.Ordinal);
        Assert.Contains("Hosting__AllowAnonymousNetworkAccess", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://+:8080", true)]
    [InlineData("http://*:80", true)]
    [InlineData("http://0.0.0.0:3978", true)]
    [InlineData("http://[::]:3978", true)]
    [InlineData("http://192.0.2.4:3978", true)]
    [InlineData("http://localhost:3978", false)]
    [InlineData("http://127.0.0.1:3978;http://[::1]:3978", false)]
    public void WhereAHostWithoutAnAppIdMayListen(string urls, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        Assert.Equal(refused, AnonymousExposure.Refusal(configuration) is not null);

        var withAppId = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["MicrosoftAppId"] = Guid.NewGuid().ToString() }).Build();
        Assert.Null(AnonymousExposure.Refusal(withAppId));
        var development = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["Hosting:AllowAnonymousNetworkAccess"] = "true" }).Build();
        Assert.Null(AnonymousExposure.Refusal(development));
    }

    [Fact]
    public void PortsAloneMeanEveryInterface()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["http_ports"] = "8080" }).Build();
        Assert.NotNull(AnonymousExposure.Refusal(configuration));
    }

    private static async Task<HttpContext> SendFromAsync(BotHost host, IPAddress remote)
    {
        var activity = host.Client().Message("hi");
        var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(activity));
        return await host.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = remote;
            context.Request.Method = "POST";
            context.Request.Path = "/api/messages";
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(body);
        });
    }
}

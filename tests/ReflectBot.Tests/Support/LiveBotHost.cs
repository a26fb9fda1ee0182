using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ReflectBot.Tests.Support;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port, for whatever needs real sockets: a browser, and
/// the bot's connector client posting replies back to the host's own connector routes.
/// </summary>
public sealed class LiveBotHost : ReflectBotHost
{
    public LiveBotHost(TimeProvider? time = null, params (string Key, string? Value)[] settings)
        : base(settings)
    {
        if (time is not null)
        {
            ReplaceServices(services => services.AddSingleton(time));
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public Uri BaseAddress { get; }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };
}

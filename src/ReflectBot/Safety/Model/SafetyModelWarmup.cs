using Microsoft.Extensions.Hosting;

namespace ReflectBot.Safety.Model;

/// <summary>Starts loading the model layer as the host starts, without waiting for it (the first reply must not wait on it).</summary>
public sealed class SafetyModelWarmup(SafetyModelHost model) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = model.IsReady;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

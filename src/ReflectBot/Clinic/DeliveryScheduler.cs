using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReflectBot.Clinic;

/// <summary>
/// The hosted scheduler: every interval (on the injected clock) it tries to lead a delivery round. Every
/// instance runs it; the lease lets one at a time do the round.
/// </summary>
public sealed class DeliveryScheduler(AssignmentDelivery delivery, TimeProvider time, IOptions<ClinicOptions> options, ILogger<DeliveryScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = options.Value.Scheduler;
        if (!scheduler.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(scheduler.Interval, time, stoppingToken).ConfigureAwait(false);
                await delivery.RunRoundAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A storage hiccup must not stop delivery for good: log and try again next round.
                ClinicLog.RoundFailed(logger, ex.GetType().Name);
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReflectBot.Storage;

namespace ReflectBot.Upgrade;

/// <summary>
/// At start-up, before the host answers anyone: one listing call per item store, looking at the first keys it
/// returns (at most <see cref="KeysLooked"/>, within one page on blobs), and one warning naming
/// <c>upgrade-data</c> when any of them is a record under a user key of an earlier build. Cheap, and not on any
/// turn; a store too large for its old records to show in the first page is not proof of anything, which is
/// why the README says to run the command after every upgrade from an earlier build regardless. A store that
/// does not answer is skipped (logged), never a reason not to start.
/// </summary>
public sealed class LegacyLayoutCheck(IServiceProvider services, ILogger<LegacyLayoutCheck> logger) : IHostedService
{
    public const int KeysLooked = 1000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var found = new List<string>();
        foreach (var name in ItemStoreNames.All)
        {
            try
            {
                if (await HoldsLegacyAsync(services.GetRequiredKeyedService<IItemStore>(name), name, budget.Token).ConfigureAwait(false))
                {
                    found.Add(name);
                }
            }
            catch (Exception ex) when (ex is StorageUnavailableException or IOException or UnauthorizedAccessException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var type = ex.InnerException?.GetType().Name ?? ex.GetType().Name;
                UpgradeLog.CheckSkipped(logger, name, type);
            }
        }

        if (found.Count > 0)
        {
            var stores = string.Join(", ", found);
            UpgradeLog.LegacyRecordsFound(logger, stores);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<bool> HoldsLegacyAsync(IItemStore store, string name, CancellationToken cancellationToken)
    {
        var looked = 0;
        await foreach (var key in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            if (LegacyLayout.Find(name, key) is not null)
            {
                return true;
            }

            if (++looked >= KeysLooked)
            {
                return false;
            }
        }

        return false;
    }
}

using Microsoft.Extensions.Logging;

namespace Omni.Common.Hosting;

/// <summary>The loop of Omni's background workers (event positions, the stock view, webhooks): poll, never die.</summary>
public static class PollingLoop
{
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="tick"/> until the host stops: again at once while it reports more work waiting, after
    /// <paramref name="idle"/> otherwise. A failing tick (the database restarting, a network blip) is logged and
    /// retried a second later instead of ending the worker for the life of the process.
    /// </summary>
    public static async Task RunAsync(Func<CancellationToken, Task<bool>> tick, TimeSpan idle, ILogger logger, string failure,
        TimeProvider clock, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await tick(stoppingToken)) await Task.Delay(idle, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Failure}; retrying", failure);
                try { await Task.Delay(AfterFailure, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}

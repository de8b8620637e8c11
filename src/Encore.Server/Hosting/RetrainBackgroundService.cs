using Encore.Online;
using Encore.Server.Cluster;

namespace Encore.Server.Hosting;

/// <summary>
/// Scheduled retraining: every retrain.interval_minutes, retrains the default model when events arrived
/// since the last run. Failures are logged and the schedule goes on; serving is never interrupted. In cluster mode
/// every silo's schedule asks the retraining singleton (<see cref="IRetrainRunner"/>), which grants about one run per interval.
/// </summary>
public sealed class RetrainBackgroundService(OnlineEngine engine, IRetrainRunner runner, TimeProvider time, ILogger<RetrainBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = engine.Options.Retrain;
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(options.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!await runner.ClaimScheduledRunAsync()) continue;
                var result = await runner.RetrainAsync(null, stoppingToken);
                logger.LogInformation("Scheduled retrain of {Model}: {Reason} in {Seconds:F1} s; confidence {Confidence}", result.Name, result.Reason, result.Seconds, result.Confidence);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Http.ServerStoppingException)
            {
                // The retraining grain's silo is shutting down and stopped the run (cluster mode); nothing was changed.
                return;
            }
            catch (Exception ex) when (ex is OnlineRequestException or IOException or Core.Errors.EncoreException or ArgumentException or Orleans.Runtime.OrleansException or TimeoutException)
            {
                logger.LogWarning(ex, "Scheduled retrain failed; the active model keeps serving");
            }
        }
    }
}

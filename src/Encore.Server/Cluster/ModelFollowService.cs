using Encore.Online;

namespace Encore.Server.Cluster;

/// <summary>
/// Cluster mode: every cluster.model_poll_seconds, serves what the shared registry marks active
/// (<see cref="Encore.Online.Registry.ModelRegistry.FollowStore"/>), so a model activated on any silo (admin API,
/// retraining) serves on every silo within one interval plus its load time. Model files are read from the path the
/// registry records, so every silo must see the same model folder (one machine, or a shared volume).
/// </summary>
internal sealed class ModelFollowService(OnlineEngine engine, TimeProvider time, TimeSpan interval, ILogger<ModelFollowService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var model in engine.Registry.FollowStore())
                    logger.LogInformation("Following the shared registry: now serving {Model} version {Version}", model.Name, model.Version);
            }
            catch (Exception ex) when (ex is OnlineRequestException or Npgsql.NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not follow the shared model registry; the loaded models keep serving");
            }
        }
    }
}

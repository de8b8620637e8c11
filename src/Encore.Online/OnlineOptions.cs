using Encore.Online.Retraining;

namespace Encore.Online;

/// <summary>Settings of the serving layer (bound from the host's configuration tree, validated there).</summary>
public sealed record OnlineOptions
{
    /// <value>The store holding events, users, tracks, the model registry and idempotency keys: a SQLite file, or a postgres://user:password@host:port/database URI shared by several processes. Default "encore-service.db" (not the run store encore.db).</value>
    public string StorePath { get; init; } = "encore-service.db";

    /// <value>Folder where retrained model files are written. Default "models".</value>
    public string ModelDirectory { get; init; } = "models";

    /// <value>Model name used when a request names none. Default "main".</value>
    public string DefaultModel { get; init; } = "main";

    /// <value>Largest k a request may ask for. Default 1000.</value>
    public int MaxK { get; init; } = 1000;

    /// <value>Largest number of events in one batch. Default 1000.</value>
    public int MaxBatchSize { get; init; } = 1000;

    /// <value>Longest history (or seed list, candidate list, exclude / allow list) one request may carry. Default 5000.</value>
    public int MaxListLength { get; init; } = 5000;

    /// <value>
    /// Most users whose recent feedback serving holds in memory (<see cref="Feedback.RecentFeedback"/>); the least recently
    /// used beyond it are dropped and read from the event store again on their next request or event. Default 100,000.
    /// </value>
    public int RecentFeedbackUsers { get; init; } = Feedback.RecentFeedback.DefaultMaxUsers;

    /// <value>Events may be at most this far in the future (clock skew). Default 1 day.</value>
    public TimeSpan MaxFutureSkew { get; init; } = TimeSpan.FromDays(1);

    /// <value>Batch concurrent user requests on factor models into one kernel pass (async path). Default true.</value>
    public bool BatchRequests { get; init; } = true;

    /// <value>Optional dataset snapshot folder: merged into retraining and used for title-only playlist continuation.</value>
    public string? BaseDatasetPath { get; init; }

    /// <value>The online bandit behind /api/users/{id}/next.</value>
    public Bandits.BanditOptions Bandit { get; init; } = new();

    /// <value>Retraining settings.</value>
    public RetrainOptions Retrain { get; init; } = new();
}

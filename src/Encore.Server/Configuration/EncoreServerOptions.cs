using Encore.Online;
using Encore.Online.Retraining;

namespace Encore.Server.Configuration;

/// <summary>
/// The one typed configuration tree of the server: defaults here, then the config file (TOML or JSON), then
/// ENCORE_* environment variables, then the command line. Checked at start by <see cref="ServerOptionsValidator"/>.
/// Every option is listed with its default in encore.sample.toml.
/// </summary>
public sealed class EncoreServerOptions
{
    public ServerSection Server { get; set; } = new();

    public SecuritySection Security { get; set; } = new();

    public RateLimitSection RateLimit { get; set; } = new();

    public StoreSection Store { get; set; } = new();

    public ModelsSection Models { get; set; } = new();

    public ServingSection Serving { get; set; } = new();

    public DatasetSection Dataset { get; set; } = new();

    public RetrainSection Retrain { get; set; } = new();

    public RunsSection Runs { get; set; } = new();

    public BanditSection Bandit { get; set; } = new();

    public ClusterSection Cluster { get; set; } = new();

    /// <summary>The serving layer's settings.</summary>
    public OnlineOptions ToOnline() => new()
    {
        StorePath = Store.Path,
        ModelDirectory = Models.Directory,
        DefaultModel = Models.Default,
        MaxK = Serving.MaxK,
        MaxBatchSize = Serving.MaxBatchSize,
        MaxListLength = Serving.MaxListLength,
        RecentFeedbackUsers = Serving.RecentFeedbackUsers,
        MaxFutureSkew = TimeSpan.FromHours(Serving.MaxFutureSkewHours),
        BatchRequests = Serving.BatchRequests,
        BaseDatasetPath = string.IsNullOrWhiteSpace(Dataset.Base) ? null : Dataset.Base,
        Retrain = Retrain.ToOptions(),
        Bandit = Bandit.ToOptions(),
    };
}

public sealed class ServerSection
{
    /// <value>Listen addresses when --urls is not given. Default "http://127.0.0.1:5080".</value>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <value>Largest request body in bytes; larger bodies get 413. Default 1 MiB.</value>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <value>Write logs as JSON lines (with request ids) instead of plain text. Default true.</value>
    public bool JsonLogs { get; set; } = true;

    /// <value>
    /// Seconds that requests already running may take to finish once a shutdown (SIGTERM, Ctrl+C) begins; a retrain
    /// that would take longer is stopped shortly before and answered 503. 1..300; default 30.
    /// </value>
    public int ShutdownGraceSeconds { get; set; } = 30;
}

public sealed class SecuritySection
{
    /// <value>Keys accepted in X-Api-Key for write endpoints (events, users, tracks). Default none.</value>
    public List<string> ApiKeys { get; set; } = [];

    /// <value>Keys accepted for admin endpoints (models) and also for writes. Default none.</value>
    public List<string> AdminKeys { get; set; } = [];

    /// <value>Also require a key (any) for read endpoints. Default false.</value>
    public bool RequireKeyForReads { get; set; }
}

public sealed class RateLimitSection
{
    /// <value>Apply the fixed-window limiter to /api (per API key, else per client address). Default true.</value>
    public bool Enabled { get; set; } = true;

    /// <value>Requests allowed per client and window. Default 20000.</value>
    public int PermitLimit { get; set; } = 20_000;

    /// <value>Window length in seconds. Default 1.</value>
    public double WindowSeconds { get; set; } = 1;
}

public sealed class StoreSection
{
    /// <value>SQLite file, or postgres:// URI of a shared database, for events, users, tracks, the model registry and idempotency keys. Default "encore-service.db" (the run store of encore evaluate is encore.db: the two never share a file).</value>
    public string Path { get; set; } = "encore-service.db";
}

public sealed class ModelsSection
{
    /// <value>Model name used when a request names none. Default "main".</value>
    public string Default { get; set; } = "main";

    /// <value>Folder for retrained model files. Default "models".</value>
    public string Directory { get; set; } = "models";

    /// <value>Model files registered (or reused) and activated at start, as "path" (default name) or "name=path".</value>
    public List<string> Preload { get; set; } = [];
}

public sealed class ServingSection
{
    /// <value>Largest k. Default 1000.</value>
    public int MaxK { get; set; } = 1000;

    /// <value>Most events (or users, tracks) per write call. Default 1000.</value>
    public int MaxBatchSize { get; set; } = 1000;

    /// <value>Longest history / seed / candidate / exclude / allow list per request. Default 5000.</value>
    public int MaxListLength { get; set; } = 5000;

    /// <value>Most users whose recent feedback is held in memory (least recently used dropped, re-read from the store when next used). Default 100,000.</value>
    public int RecentFeedbackUsers { get; set; } = Online.Feedback.RecentFeedback.DefaultMaxUsers;

    /// <value>How far in the future an event timestamp may be, in hours. Default 24.</value>
    public double MaxFutureSkewHours { get; set; } = 24;

    /// <value>Batch concurrent user requests on factor models into one pass over the item vectors. Default true.</value>
    public bool BatchRequests { get; set; } = true;
}

public sealed class DatasetSection
{
    /// <value>Optional dataset snapshot folder merged into retraining and searched for title-only continuation. Default none.</value>
    public string? Base { get; set; }
}

public sealed class RunsSection
{
    /// <value>Optional experiment store (the SQLite file written by encore evaluate / encore demo) shown on the
    /// dashboard's runs page and served by /api/runs. Default none.</value>
    public string? Path { get; set; }
}

public sealed class RetrainSection
{
    // One source for the defaults: the retrain engine's own (a copy here once kept ALS at regularization 0.01 after
    // train and RetrainOptions moved to 20).
    private static readonly RetrainOptions Defaults = new();

    public bool Enabled { get; set; }

    public double IntervalMinutes { get; set; } = Defaults.Interval.TotalMinutes;

    public string Trainer { get; set; } = Defaults.Trainer;

    public int Factors { get; set; } = Defaults.Factors;

    public int Iterations { get; set; } = Defaults.Iterations;

    public double Regularization { get; set; } = Defaults.Regularization;

    public double Alpha { get; set; } = Defaults.Alpha;

    /// <value>Transform of the aggregated scores (train's --confidence grammar). Default auto: none or log1p chosen from the values, as train and evaluate choose.</value>
    public string Confidence { get; set; } = Defaults.Confidence;

    /// <value>Ratings as the signal, as train's --ratings: auto (default), ignore, values, positive or signed (docs/ratings.md, docs/service.md).</value>
    public string Ratings { get; set; } = Defaults.Ratings;

    /// <value>Threshold of positive / signed on the base's rating scale; unset (default): train's rule (Yahoo 4, KDD 80, else 4/5 of the highest rating; 80 of the posted 0..100 without base ratings).</value>
    public float? Threshold { get; set; } = Defaults.Threshold;

    public double HoldoutFraction { get; set; } = Defaults.HoldoutFraction;

    public int EvaluationUsers { get; set; } = Defaults.EvaluationUsers;

    /// <value>Fewest users the check must score before a candidate may replace an active version. Default 20.</value>
    public int MinimumEvaluationUsers { get; set; } = Defaults.MinimumEvaluationUsers;

    public double Tolerance { get; set; } = Defaults.Tolerance;

    public bool RefitOnAllData { get; set; } = Defaults.RefitOnAllData;

    public ulong Seed { get; set; } = Defaults.Seed;

    public WeightsSection Weights { get; set; } = new();

    /// <value>Settings file written by encore tune (serve --settings): its [trainer] section and [data] confidence apply to retraining. Default none.</value>
    public string? Settings { get; set; }

    /// <exception cref="InvalidDataException">retrain.settings names a file that cannot be applied (<see cref="RetrainSettingsFile.Load"/>).</exception>
    public RetrainOptions ToOptions()
    {
        var (settings, confidence) = string.IsNullOrWhiteSpace(Settings)
            ? (new Dictionary<string, string>(), null)
            : RetrainSettingsFile.Load(Settings, Trainer);
        return ToOptions(settings, confidence);
    }

    private RetrainOptions ToOptions(IReadOnlyDictionary<string, string> settings, string? confidence) => new()
    {
        TrainerSettings = settings,
        SettingsSource = string.IsNullOrWhiteSpace(Settings) ? null : Settings,
        Enabled = Enabled,
        Interval = TimeSpan.FromMinutes(IntervalMinutes),
        Trainer = Trainer,
        Factors = Factors,
        Iterations = Iterations,
        Regularization = Regularization,
        Alpha = Alpha,
        Confidence = confidence ?? Confidence,
        Ratings = Ratings,
        Threshold = Threshold,
        HoldoutFraction = HoldoutFraction,
        EvaluationUsers = EvaluationUsers,
        MinimumEvaluationUsers = MinimumEvaluationUsers,
        Tolerance = Tolerance,
        RefitOnAllData = RefitOnAllData,
        Seed = Seed,
        Weights = new EventWeightOptions
        {
            Play = Weights.Play,
            Like = Weights.Like,
            Skip = Weights.Skip,
            Dislike = Weights.Dislike,
            PlaylistAdd = Weights.PlaylistAdd,
            Rating = Weights.Rating,
        },
    };
}

public sealed class WeightsSection
{
    public float Play { get; set; } = 1;

    public float Like { get; set; } = 1;

    public float Skip { get; set; }

    public float Dislike { get; set; }

    public float PlaylistAdd { get; set; }

    public float Rating { get; set; }
}

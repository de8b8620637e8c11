using Encore.Online.Retraining;
using Microsoft.Extensions.Options;

namespace Encore.Server.Configuration;

/// <summary>
/// Start-up checks of the whole tree, each naming the option (as spelled in encore.sample.toml) and what is
/// expected, including cross-field rules (a key in both key lists, preloads vs the default model, retraining).
/// </summary>
public sealed class ServerOptionsValidator : IValidateOptions<EncoreServerOptions>
{
    /// <summary>Largest server.shutdown_grace_seconds (encore serve's own signal handling waits a little longer).</summary>
    public const int MaxShutdownGraceSeconds = 300;

    public ValidateOptionsResult Validate(string? name, EncoreServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(errors, options.Server.MaxRequestBodyBytes is >= 1024 and <= 1L << 30, "server.max_request_body_bytes must be between 1024 and 1073741824.");
        Check(errors, options.Server.ShutdownGraceSeconds is >= 1 and <= MaxShutdownGraceSeconds, $"server.shutdown_grace_seconds must be between 1 and {MaxShutdownGraceSeconds}.");
        Check(errors, !string.IsNullOrWhiteSpace(options.Store.Path), "store.path must name the SQLite file or a postgres:// URI.");
        Check(errors, !string.IsNullOrWhiteSpace(options.Models.Default), "models.default must name the default model.");
        Check(errors, options.Serving.MaxK is >= 1 and <= 100_000, "serving.max_k must be between 1 and 100000.");
        Check(errors, options.Serving.MaxBatchSize is >= 1 and <= 100_000, "serving.max_batch_size must be between 1 and 100000.");
        Check(errors, options.Serving.MaxListLength is >= 1 and <= 1_000_000, "serving.max_list_length must be between 1 and 1000000.");
        Check(errors, options.Serving.RecentFeedbackUsers is >= 1 and <= 100_000_000, "serving.recent_feedback_users must be between 1 and 100000000.");
        Check(errors, options.Serving.MaxFutureSkewHours is >= 0 and <= 24 * 365, "serving.max_future_skew_hours must be between 0 and 8760.");
        Keys(errors, options.Security);
        if (options.RateLimit.Enabled)
        {
            Check(errors, options.RateLimit.PermitLimit >= 1, "rate_limit.permit_limit must be at least 1 when rate_limit.enabled is true.");
            Check(errors, options.RateLimit.WindowSeconds is > 0 and <= 3600, "rate_limit.window_seconds must be in (0, 3600].");
        }
        Cluster(errors, options.Cluster, options.Store);
        Preloads(errors, options.Models);
        Retrain(errors, options.Retrain);
        errors.AddRange(options.Bandit.Problems(options.Serving.MaxK));
        if (options.Dataset.Base is { Length: > 0 } dataset)
            Check(errors, System.IO.Directory.Exists(dataset), $"dataset.base '{dataset}' is not a folder; expected a dataset snapshot folder.");
        // A missing file is allowed (the runs page says so); a folder is a mistake.
        if (options.Runs.Path is { Length: > 0 } runs)
            Check(errors, !System.IO.Directory.Exists(runs), $"runs.path '{runs}' is a folder; expected the experiment store file, e.g. \"encore-runs.db\".");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Keys(List<string> errors, SecuritySection security)
    {
        foreach (var key in security.ApiKeys.Concat(security.AdminKeys))
            Check(errors, key is { Length: >= 16 } && !key.Any(char.IsWhiteSpace), "security.api_keys / security.admin_keys entries must be at least 16 characters without spaces.");
        foreach (var shared in security.ApiKeys.Intersect(security.AdminKeys, StringComparer.Ordinal))
            errors.Add($"security: key '{shared[..Math.Min(4, shared.Length)]}...' is in both api_keys and admin_keys; give admins their own key.");
        Check(errors, !security.RequireKeyForReads || security.ApiKeys.Count + security.AdminKeys.Count > 0,
            "security.require_key_for_reads is true but no keys are configured: every request would be refused.");
    }

    private static void Cluster(List<string> errors, ClusterSection cluster, StoreSection store)
    {
        if (!cluster.Enabled) return;
        Check(errors, Encore.Evaluation.Postgres.PostgresLocation.IsPostgres(cluster.Membership),
            "cluster.membership must be a postgres://user:password@host:port/database URI (or Host=... string) when set.");
        Check(errors, Encore.Evaluation.Postgres.PostgresLocation.IsPostgres(store.Path),
            $"cluster mode needs a shared store: store.path is '{store.Path}', expected a postgres:// URI (it may be the cluster.membership database).");
        Check(errors, System.Net.IPAddress.TryParse(cluster.Address, out _), $"cluster.address '{cluster.Address}' is not an IP address; expected e.g. 127.0.0.1.");
        Check(errors, cluster.SiloPort is >= 1 and <= 65535, "cluster.silo_port must be between 1 and 65535.");
        Check(errors, cluster.GatewayPort is >= 0 and <= 65535 && cluster.GatewayPort != cluster.SiloPort, "cluster.gateway_port must be 0 (none) or a port other than cluster.silo_port.");
        Check(errors, !string.IsNullOrWhiteSpace(cluster.ClusterId) && !string.IsNullOrWhiteSpace(cluster.ServiceId), "cluster.cluster_id and cluster.service_id must not be empty.");
        Check(errors, cluster.ProbeTimeoutSeconds is >= 0.1 and <= 600, "cluster.probe_timeout_seconds must be between 0.1 and 600.");
        Check(errors, cluster.ResponseTimeoutSeconds is >= 0.1 and <= 600, "cluster.response_timeout_seconds must be between 0.1 and 600.");
        Check(errors, cluster.ModelPollSeconds is >= 0.1 and <= 3600, "cluster.model_poll_seconds must be between 0.1 and 3600.");
    }

    private static void Preloads(List<string> errors, ModelsSection models)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in models.Preload)
        {
            var (model, path) = ParsePreload(entry, models.Default);
            Check(errors, File.Exists(path), $"models.preload: model file '{path}' does not exist.");
            Check(errors, names.Add(model), $"models.preload names model '{model}' twice; one file per name.");
        }
        // One preloaded model is the default whatever its name; with several, one must be models.default.
        Check(errors, models.Preload.Count <= 1 || names.Contains(models.Default),
            $"models.preload loads {string.Join(", ", names)} but not the default model '{models.Default}'; set the option models.default " +
            "(config [models] default = \"name\", environment ENCORE_MODELS__DEFAULT=name) to one of them, or name the file default=path.");
    }

    private static void Retrain(List<string> errors, RetrainSection retrain)
    {
        Check(errors, TrainerFactory.Kinds.Contains(retrain.Trainer), $"retrain.trainer '{retrain.Trainer}' is unknown; expected {string.Join(", ", TrainerFactory.Kinds)}.");
        Check(errors, Data.Aggregation.ConfidenceTransformNames.IsValid(retrain.Confidence),
            $"retrain.confidence '{retrain.Confidence}' is unknown; expected {Data.Aggregation.ConfidenceTransformNames.Help}, as train's --confidence.");
        Check(errors, Data.Ratings.RatingSignalNames.IsValid(retrain.Ratings),
            $"retrain.ratings '{retrain.Ratings}' is unknown; expected auto, ignore, values, positive or signed, as train's --ratings.");
        Check(errors, retrain.Threshold is null || (retrain.Threshold > 0 && float.IsFinite(retrain.Threshold.Value)),
            "retrain.threshold must be a rating above 0 on the base dataset's scale (Yahoo R3 1..5, KDD Cup 0..100), or unset for train's rule.");
        Check(errors, retrain.HoldoutFraction is > 0 and < 1, "retrain.holdout_fraction must be in (0, 1).");
        Check(errors, retrain.Factors is >= 1 and <= 4096, "retrain.factors must be between 1 and 4096.");
        Check(errors, retrain.Iterations is >= 1 and <= 1000, "retrain.iterations must be between 1 and 1000.");
        Check(errors, retrain.Regularization >= 0 && retrain.Alpha >= 0, "retrain.regularization and retrain.alpha must not be negative.");
        Check(errors, retrain.EvaluationUsers >= 1, "retrain.evaluation_users must be at least 1.");
        Check(errors, retrain.MinimumEvaluationUsers >= 0, "retrain.minimum_evaluation_users must not be negative.");
        Check(errors, retrain.Tolerance >= 0, "retrain.tolerance must not be negative.");
        Check(errors, !retrain.Enabled || retrain.IntervalMinutes >= 1, "retrain.interval_minutes must be at least 1 when retrain.enabled is true.");
        if (string.IsNullOrWhiteSpace(retrain.Settings) || !TrainerFactory.Kinds.Contains(retrain.Trainer)) return;
        try
        {
            _ = RetrainSettingsFile.Load(retrain.Settings, retrain.Trainer);
        }
        catch (InvalidDataException ex)
        {
            errors.Add(ex.Message);
        }
    }

    /// <summary>"name=path" or "path" (the default model's name).</summary>
    public static (string Name, string Path) ParsePreload(string entry, string defaultName)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 ? (entry[..eq], entry[(eq + 1)..]) : (defaultName, entry);
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok) errors.Add(message);
    }
}

namespace Encore.Online.Retraining;

/// <summary>How <see cref="RetrainService"/> builds, trains and checks a new model version.</summary>
public sealed record RetrainOptions
{
    /// <value>Run retraining on a schedule (the server's background service). Default false.</value>
    public bool Enabled { get; init; }

    /// <value>Time between scheduled retrains; a run is skipped when no event arrived since the last one. Default 1 hour.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <value>Model kind to train: als, item-knn, ease or popularity. Default als.</value>
    public string Trainer { get; init; } = "als";

    /// <value>ALS latent factors. Default 64.</value>
    public int Factors { get; init; } = 64;

    /// <value>ALS sweeps. Default 15.</value>
    public int Iterations { get; init; } = 15;

    /// <value>
    /// ALS L2 penalty. Default the ALS model's own (20, what <c>encore train</c> and <c>encore evaluate</c> use): the
    /// earlier 0.01 (implicit's default) made the service's retrain a different model from the one evaluate measured
    /// (demo world, log1p: NDCG@10 0.2247 against 0.3045; HetRec 0.224 against 0.239; bench/results/defaults-s14.md).
    /// </value>
    public double Regularization { get; init; } = new Models.Factorization.Als.AlsOptions().Regularization;

    /// <value>ALS confidence scale c = 1 + alpha * value. Default 1.</value>
    public double Alpha { get; init; } = 1.0;

    /// <value>
    /// Transform of the aggregated scores, in train's <c>--confidence</c> grammar (<see cref="Data.Aggregation.ConfidenceTransformNames"/>):
    /// auto, none, log1p, log[:ALPHA] (SPEC S1: 1 + 40 ln(1 + s / 1e-8)), linear:ALPHA, bm25[:K1:B], tfidf. Default auto: chosen
    /// from the aggregated values by the rule train and evaluate use (<see cref="Data.Aggregation.ConfidenceChoice.Choose"/>:
    /// heavy-tailed counts get log1p, anything else none).
    /// </value>
    public string Confidence { get; init; } = "auto";

    /// <value>
    /// Whether ratings are the training signal and how they train, as <c>encore train --ratings</c> (docs/ratings.md,
    /// <see cref="Data.Ratings.RatingSignalNames"/>): auto (default), ignore, values, positive or signed. <c>auto</c> reads
    /// ratings when the base dataset is a rating data set (its events carry no positive weight: Yahoo! R3, KDD Cup), or,
    /// with no base dataset, when the stored events are ratings only; otherwise the events are the signal (with
    /// <see cref="Weights"/>). Under a ratings signal, base ratings and posted rating events train (the last rating of a
    /// pair wins; posted ratings read on the base's scale, <see cref="OnlineRatingScale"/>) and other event kinds are not
    /// read, as in train.
    /// </value>
    public string Ratings { get; init; } = "auto";

    /// <value>
    /// Threshold of <c>positive</c> / <c>signed</c> on the base's rating scale (Yahoo 1..5; the posted 0..100 without base
    /// ratings): ratings at or above it are positives. Null (default): train's rule
    /// (<see cref="Data.Ratings.RatingThresholdRule.Default"/>: the source's documented threshold, Yahoo 4, KDD 80, else
    /// 4/5 of the highest rating; 80 of the posted 0..100 when there are no base ratings). Above 0 when set.
    /// </value>
    public float? Threshold { get; init; }

    /// <value>Share of each user's tracks held out for the check. Default 0.2.</value>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <value>Most users scored in the check (a seeded sample when more have held-out tracks). Default 2000.</value>
    public int EvaluationUsers { get; init; } = 2000;

    /// <value>
    /// Fewest users the check must score before a candidate may replace an active version. Default 20. Below it the
    /// comparison says nothing (a HetRec model was replaced by one trained on two stored events after a check of one user,
    /// 0.0000 against 0.0000), so the active version is kept and the answer says why. A first version (none active) is
    /// activated whatever the count.
    /// </value>
    public int MinimumEvaluationUsers { get; init; } = 20;

    /// <value>The candidate is activated when its NDCG@10 is at least the active model's minus this. Default 0.</value>
    public double Tolerance { get; init; }

    /// <value>After a passed check, train once more on all data (split included) before activating. Default true.</value>
    public bool RefitOnAllData { get; init; } = true;

    /// <value>Seed of the split, the sample and the trainer. Default 42.</value>
    public ulong Seed { get; init; } = 42;

    /// <value>
    /// Catalogue settings of <see cref="Trainer"/> (the keys of <c>encore train --help</c>), e.g. the trainer's section of
    /// a settings file written by <c>encore tune</c> (<c>serve --settings tuned.ini</c>). When not empty the trainer is
    /// built from the model catalogue with these settings over <see cref="Factors"/>, <see cref="Iterations"/>,
    /// <see cref="Regularization"/>, <see cref="Alpha"/> and <see cref="Seed"/>. Default none.
    /// </value>
    public IReadOnlyDictionary<string, string> TrainerSettings { get; init; } = new Dictionary<string, string>();

    /// <value>Where <see cref="TrainerSettings"/> came from (shown on the retrain result; null when none).</value>
    public string? SettingsSource { get; init; }

    /// <value>Per-kind event weights (SPEC S1 defaults: play 1, like 1, others 0).</value>
    public EventWeightOptions Weights { get; init; } = new();
}

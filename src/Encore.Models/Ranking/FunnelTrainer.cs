using System.Diagnostics;
using Encore.Models.Blend;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Models.Ranking;

/// <summary>
/// Fits the learned ranking funnel: holds out a seeded share of each user's training items
/// (<see cref="ValidationCarve"/>), or with <see cref="FunnelOptions.Folds"/> = K >= 2 each of K per-user folds in turn
/// (cross-fitting, <see cref="KFoldCarve"/>), fits every generator on the rest, builds every sampled user's candidate
/// list (the union of the generators' top-N unseen items) with <see cref="FunnelFeatures"/>, labels the held-out items
/// relevant, trains LightGBM LambdaRank on all those lists (<see cref="RankerTrainingLists"/>, <see cref="LambdaRanker"/>),
/// then refits the generators on all the data. Only training data is used, so evaluating the result on a test split is
/// honest. Cost: every generator is fitted K + 1 times (twice with one carve) plus one LightGBM fit over up to K times
/// as many lists; funnels over the same generators and training matrix in one process share those fits
/// (<see cref="GeneratorFits"/>). Deterministic for a seed and thread count (as its generators). When no candidate list
/// holds a held-out item, or the lists are too few for one split (tiny data), no ranker is trained and the model ranks
/// by its first generator (said by <see cref="FunnelModel.HasRanker"/>).
/// </summary>
public sealed class FunnelTrainer(FunnelOptions? options = null) : IRecommenderTrainer
{
    public FunnelOptions Options { get; } = options ?? new FunnelOptions();

    public string ModelName => FunnelModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        // Stages: one carve = inner fit, lists, ranker, refit (4); K folds = one per fold (fit + lists), ranker, refit.
        var stages = Options.Folds == 1 ? 4 : Options.Folds + 2;
        void Stage(int s) => progress?.Report(new EpochReport(s, stages, Stopwatch.GetElapsedTime(started), double.NaN));
        var trainers = BlendComponents.Trainers(Options.Generators, FunnelModel.Name, Options.Seed, Options.Threads);
        var label = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Options.Generators}|seed {Options.Seed}|threads {Options.Threads}");
        var lists = RankerTrainingLists.Build(data, Options, trainers, label,
            fold => { if (Options.Folds == 1) { Stage(1); Stage(2); } else Stage(fold); }, cancellationToken);
        var ranker = lists.Labels.Length == 0 ? null : LambdaRanker.TryTrain(lists.Rows, lists.Labels, lists.Groups, lists.Width, Options, cancellationToken);
        Stage(stages - 1);
        var models = GeneratorFits.GetOrFit(data.Interactions, $"{label}|all", () => [.. trainers.Select(t => t.Fit(data, null, cancellationToken))]);
        Stage(stages);
        var featureGroups = FunnelSignals.Supported(FunnelFeatureGroupNames.Parse(Options.Features), data.Interactions);
        var signals = new FunnelSignals(featureGroups, data.Interactions, data.Side?.RestrictedTo(data.Interactions));
        return new FunnelModel(data.Users, data.Items, data.Interactions, models, [.. trainers.Select(t => t.ModelName)], ranker, signals, Options.Candidates, Options.Seed)
        {
            Threads = Options.Threads,
        };
    }
}

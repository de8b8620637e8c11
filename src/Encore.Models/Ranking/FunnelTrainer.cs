using System.Diagnostics;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Blend;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Models.Ranking;

/// <summary>
/// Fits the learned ranking funnel: holds out a seeded share of each user's training items
/// (<see cref="ValidationCarve"/>), fits every generator on the rest, builds every sampled user's candidate list (the
/// union of the generators' top-N unseen items) with <see cref="FunnelFeatures"/>, labels the held-out items relevant,
/// trains LightGBM LambdaRank on those lists (<see cref="LambdaRanker"/>), then refits the generators on all the data.
/// Only training data is used, so evaluating the result on a test split is honest. Cost: every generator is fitted
/// twice plus one LightGBM fit; funnels over the same generators and training matrix in one process share those fits
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
        void Stage(int s) => progress?.Report(new EpochReport(s, 4, Stopwatch.GetElapsedTime(started), double.NaN));
        var trainers = BlendComponents.Trainers(Options.Generators, FunnelModel.Name, Options.Seed, Options.Threads);
        var (inner, heldOut) = ValidationCarve.Split(data.Interactions, Options.ValidationShare, Options.Seed);
        var innerData = new TrainingData(inner, data.Users, data.Items);
        var label = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Options.Generators}|seed {Options.Seed}|threads {Options.Threads}");
        var innerModels = GeneratorFits.GetOrFit(data.Interactions, $"{label}|inner {Options.ValidationShare}",
            () => [.. trainers.Select(t => t.Fit(innerData, null, cancellationToken))]);
        Stage(1);
        var featureGroups = FunnelFeatureGroupNames.Parse(Options.Features);
        var features = new FunnelFeatures(innerModels, inner, new FunnelSignals(featureGroups, inner, data.Side?.RestrictedTo(inner)), Options.Candidates);
        var (rows, labels, groups) = TrainingLists(features, heldOut, cancellationToken);
        Stage(2);
        var ranker = labels.Length == 0 ? null : LambdaRanker.TryTrain(rows, labels, groups, features.Width, Options, cancellationToken);
        Stage(3);
        var models = GeneratorFits.GetOrFit(data.Interactions, $"{label}|all", () => [.. trainers.Select(t => t.Fit(data, null, cancellationToken))]);
        Stage(4);
        var signals = new FunnelSignals(featureGroups, data.Interactions, data.Side?.RestrictedTo(data.Interactions));
        return new FunnelModel(data.Users, data.Items, data.Interactions, models, [.. trainers.Select(t => t.ModelName)], ranker, signals, Options.Candidates, Options.Seed)
        {
            Threads = Options.Threads,
        };
    }

    /// <summary>Candidate rows of a seeded sample of users with held-out items; lists without a relevant candidate are skipped.</summary>
    private (float[] Rows, float[] Labels, uint[] Groups) TrainingLists(FunnelFeatures features, CsrMatrix heldOut, CancellationToken ct)
    {
        var users = new List<int>();
        for (var u = 0; u < heldOut.Rows; u++)
            if (heldOut.RowLength(u) > 0) users.Add(u);
        var sample = users.ToArray();
        new Rng(Options.Seed ^ 0xF0E7).Shuffle(sample.AsSpan());
        sample = sample[..Math.Min(sample.Length, Options.ValidationUsers)];
        Array.Sort(sample);
        var lists = new (int[] Items, float[] Rows)[sample.Length];
        Parallel.For(0, sample.Length, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads == 0 ? -1 : Options.Threads, CancellationToken = ct },
            x => { var (items, rows, _) = features.Build(sample[x]); lists[x] = (items, rows); });
        var allRows = new List<float>();
        var labels = new List<float>();
        var groups = new List<uint>();
        uint group = 0;
        for (var x = 0; x < sample.Length; x++)
        {
            var relevant = heldOut.RowIndices(sample[x]);
            var (items, rows) = lists[x];
            var marks = new float[items.Length];
            for (var i = 0; i < items.Length; i++) marks[i] = relevant.BinarySearch(items[i]) >= 0 ? 1f : 0f;
            if (!marks.Contains(1f)) continue;
            allRows.AddRange(rows);
            labels.AddRange(marks);
            for (var i = 0; i < items.Length; i++) groups.Add(group);
            group++;
        }
        return ([.. allRows], [.. labels], [.. groups]);
    }
}

using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Models.Blend;

/// <summary>
/// Fits a learned linear blend of several models (the simple alternative to a learning-to-rank stage): holds out a seeded
/// share of each user's training items, fits every component on the rest, scores the union of the components' top-N for a
/// seeded sample of users, and chooses one weight per component by coordinate ascent over {0, 0.25, 0.5, 1, 2, 4}
/// (three rounds, first improvement kept) maximising NDCG@10 of the held-out items; then refits the components on all the
/// data. Deterministic for a seed and thread count (as its components). Cost: every component is fitted twice; with fixed
/// <see cref="BlendOptions.Weights"/> once (no inner carve).
/// </summary>
public sealed class BlendTrainer(BlendOptions? options = null) : IRecommenderTrainer
{
    private static readonly float[] Grid = [0f, 0.25f, 0.5f, 1f, 2f, 4f];

    public BlendOptions Options { get; } = options ?? new BlendOptions();

    public string ModelName => BlendModel.Name;

    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        void Stage(int s) => progress?.Report(new EpochReport(s, 3, System.Diagnostics.Stopwatch.GetElapsedTime(started), double.NaN));
        var trainers = BlendComponents.Trainers(Options.Components, BlendModel.Name, Options.Seed, Options.Threads);
        var fixedWeights = BlendOptions.ParseWeights(Options.Weights);
        if (fixedWeights is not null)
        {
            if (fixedWeights.Length != trainers.Length)
                throw new ArgumentException($"blend weights '{Options.Weights}': {fixedWeights.Length} weight(s) for {trainers.Length} components '{Options.Components}' (one per component, in order).");
            var fitted = trainers.Select(t => t.Fit(data, null, cancellationToken)).ToArray();
            Stage(3);
            return new BlendModel(data.Users, data.Items, data.Interactions, fitted, fixedWeights) { Threads = Options.Threads };
        }

        var (inner, heldOut) = ValidationCarve.Split(data.Interactions, Options.ValidationShare, Options.Seed);
        var innerData = new TrainingData(inner, data.Users, data.Items);
        var innerModels = trainers.Select(t => t.Fit(innerData, null, cancellationToken)).ToArray();
        Stage(1);
        var weights = LearnWeights(innerModels, heldOut, cancellationToken);
        Stage(2);
        var models = trainers.Select(t => t.Fit(data, null, cancellationToken)).ToArray();
        Stage(3);
        return new BlendModel(data.Users, data.Items, data.Interactions, models, weights) { Threads = Options.Threads };
    }

    private float[] LearnWeights(IRecommender[] models, CsrMatrix heldOut, CancellationToken ct)
    {
        var candidates = new List<int>();
        for (var u = 0; u < heldOut.Rows; u++)
            if (heldOut.RowLength(u) > 0) candidates.Add(u);
        var users = candidates.ToArray();
        new Rng(Options.Seed ^ 0xB1E4D).Shuffle(users.AsSpan());
        users = users[..Math.Min(users.Length, Options.ValidationUsers)];
        Array.Sort(users);
        var m = models.Length;
        var lists = models.Select(model => model.Recommend(users, Options.Candidates, cancellationToken: ct)).ToArray();
        var n = models[0].Items.Count;
        var allItems = Enumerable.Range(0, n).ToArray();
        var buffer = new float[n];
        var features = new float[users.Length][][];
        var labels = new bool[users.Length][];
        var ideal = new double[users.Length];
        for (var x = 0; x < users.Length; x++)
        {
            ct.ThrowIfCancellationRequested();
            var union = new SortedSet<int>();
            foreach (var list in lists) foreach (var item in list.ItemsOf(x)) union.Add(item);
            var items = union.ToArray();
            features[x] = new float[m][];
            for (var c = 0; c < m; c++)
            {
                models[c].Score(users[x], allItems, buffer);
                BlendModel.Standardise(buffer);
                features[x][c] = [.. items.Select(i => buffer[i])];
            }
            var relevant = heldOut.RowIndices(users[x]);
            labels[x] = new bool[items.Length];
            for (var i = 0; i < items.Length; i++) labels[x][i] = relevant.BinarySearch(items[i]) >= 0;
            for (var r = 0; r < Math.Min(10, relevant.Length); r++) ideal[x] += 1 / Math.Log2(r + 2);
        }
        var weights = Enumerable.Repeat(1f, m).ToArray();
        var best = Ndcg(weights, features, labels, ideal);
        for (var round = 0; round < 3; round++)
        {
            var improved = false;
            for (var c = 0; c < m; c++)
            {
                foreach (var g in Grid)
                {
                    if (g == weights[c]) continue;
                    var trial = (float[])weights.Clone();
                    trial[c] = g;
                    if (trial.All(w => w == 0)) continue;
                    var value = Ndcg(trial, features, labels, ideal);
                    if (value > best + 1e-9) { best = value; weights = trial; improved = true; }
                }
            }
            if (!improved) break;
        }
        return weights;
    }

    private static double Ndcg(float[] weights, float[][][] features, bool[][] labels, double[] ideal)
    {
        double total = 0;
        var scores = new List<(float Score, int Index)>();
        for (var x = 0; x < features.Length; x++)
        {
            scores.Clear();
            var count = labels[x].Length;
            for (var i = 0; i < count; i++)
            {
                float s = 0;
                for (var c = 0; c < weights.Length; c++) s += weights[c] * features[x][c][i];
                scores.Add((s, i));
            }
            scores.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
            double dcg = 0;
            for (var r = 0; r < Math.Min(10, scores.Count); r++)
                if (labels[x][scores[r].Index]) dcg += 1 / Math.Log2(r + 2);
            total += ideal[x] > 0 ? dcg / ideal[x] : 0;
        }
        return features.Length == 0 ? 0 : total / features.Length;
    }
}

using System.Globalization;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Models.Ranking;

/// <summary>
/// The funnel ranker's training data, from training data only. With <see cref="FunnelOptions.Folds"/> = 1: one
/// seeded carve (<see cref="ValidationCarve"/>, <see cref="FunnelOptions.ValidationShare"/> of each user's items held
/// out), generators fitted on the rest, one candidate list per sampled user. With K >= 2 (cross-fitting,
/// <see cref="KFoldCarve"/>): for each fold k, the generators are fitted on the other K - 1 folds and every sampled
/// user's candidate list is labelled with fold k's items; the K folds' lists are concatenated, one query group per
/// (fold, user). That gives up to K times more query groups and generators fitted on (K - 1) / K of each user's items
/// (1 - share with one carve). In every fold the features (popularity, tag profiles, friends' plays) read that fold's
/// inner part and the side tables restricted to it, so no held-out pair reaches its own list's features.
/// </summary>
internal static class RankerTrainingLists
{
    /// <summary>Rows (count x width, row-major), 0/1 labels, contiguous group ids, and the query groups per fold.</summary>
    public sealed record Lists(float[] Rows, float[] Labels, uint[] Groups, int Width, int[] GroupsPerFold);

    /// <summary>
    /// The inner (generator input, with its side tables restricted to it) and held-out parts of carve
    /// <paramref name="fold"/> of the options' carve (the one carve when <c>Folds</c> = 1).
    /// </summary>
    public static (TrainingData Inner, CsrMatrix HeldOut) Carve(TrainingData data, FunnelOptions options, int fold)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (inner, heldOut) = options.Folds == 1
            ? ValidationCarve.Split(data.Interactions, options.ValidationShare, options.Seed)
            : KFoldCarve.Split(data.Interactions, options.Folds, fold, options.Seed);
        return (new TrainingData(inner, data.Users, data.Items) { Side = data.Side?.RestrictedTo(inner) }, heldOut);
    }

    /// <summary>
    /// Builds (or takes from the process cache, <see cref="GeneratorFits"/>) the lists; <paramref name="foldDone"/> is
    /// called after each fold with its 1-based number. Generator fits per fold are cached too (label + fold).
    /// </summary>
    public static Lists Build(TrainingData data, FunnelOptions options, IReadOnlyList<IRecommenderTrainer> trainers, string label,
        Action<int> foldDone, CancellationToken ct)
    {
        var carveLabel = options.Folds == 1
            ? string.Create(CultureInfo.InvariantCulture, $"inner {options.ValidationShare}")
            : string.Create(CultureInfo.InvariantCulture, $"folds {options.Folds}");
        var listLabel = string.Create(CultureInfo.InvariantCulture,
            $"lists|{label}|{carveLabel}|features {options.Features}|candidates {options.Candidates}|users {options.ValidationUsers}|side {GeneratorFits.InstanceLabel(data.Side)}");
        var done = 0;
        var lists = GeneratorFits.GetOrCreate(data.Interactions, listLabel, () =>
        {
            var sample = SampleUsers(data.Interactions, options);
            var parts = new List<(float[] Rows, float[] Labels, uint[] Groups, int Count)>();
            var width = 0;
            var groups = FunnelSignals.Supported(FunnelFeatureGroupNames.Parse(options.Features), data.Interactions);
            for (var fold = 0; fold < options.Folds; fold++)
            {
                ct.ThrowIfCancellationRequested();
                var (inner, heldOut) = Carve(data, options, fold);
                var foldLabel = options.Folds == 1 ? $"{label}|{carveLabel}" : string.Create(CultureInfo.InvariantCulture, $"{label}|{carveLabel}|fold {fold}");
                var models = GeneratorFits.GetOrFit(data.Interactions, foldLabel,
                    () => [.. trainers.Select(t => t.Fit(inner, null, ct))]);
                var features = new FunnelFeatures(models, inner.Interactions,
                    new FunnelSignals(groups, inner.Interactions, inner.Side), options.Candidates);
                width = features.Width;
                parts.Add(ForFold(features, heldOut, sample, options.Threads, ct));
                foldDone(++done);
            }
            return Concatenate(parts, width);
        });
        for (var fold = done; fold < options.Folds; fold++) foldDone(fold + 1); // cache hit: report the folds as done
        return lists;
    }

    /// <summary>A seeded sample of at most <c>ValidationUsers</c> users with two or more items (ascending).</summary>
    private static int[] SampleUsers(CsrMatrix interactions, FunnelOptions options)
    {
        var users = new List<int>();
        for (var u = 0; u < interactions.Rows; u++)
            if (interactions.RowLength(u) >= 2) users.Add(u);
        var sample = users.ToArray();
        new Rng(options.Seed ^ 0xF0E7).Shuffle(sample.AsSpan());
        sample = sample[..Math.Min(sample.Length, options.ValidationUsers)];
        Array.Sort(sample);
        return sample;
    }

    /// <summary>Candidate rows of the sampled users with held-out items in this fold; lists without a relevant candidate are skipped.</summary>
    private static (float[] Rows, float[] Labels, uint[] Groups, int Count) ForFold(FunnelFeatures features, CsrMatrix heldOut, int[] sample, int threads, CancellationToken ct)
    {
        var users = Array.FindAll(sample, u => heldOut.RowLength(u) > 0);
        var lists = new (int[] Items, float[] Rows)[users.Length];
        Parallel.For(0, users.Length, new ParallelOptions { MaxDegreeOfParallelism = threads == 0 ? -1 : threads, CancellationToken = ct },
            x => { var (items, rows, _) = features.Build(users[x]); lists[x] = (items, rows); });
        var allRows = new List<float>();
        var labels = new List<float>();
        var groups = new List<uint>();
        uint group = 0;
        for (var x = 0; x < users.Length; x++)
        {
            var relevant = heldOut.RowIndices(users[x]);
            var (items, rows) = lists[x];
            var marks = new float[items.Length];
            for (var i = 0; i < items.Length; i++) marks[i] = relevant.BinarySearch(items[i]) >= 0 ? 1f : 0f;
            if (!marks.Contains(1f)) continue;
            allRows.AddRange(rows);
            labels.AddRange(marks);
            for (var i = 0; i < items.Length; i++) groups.Add(group);
            group++;
        }
        return ([.. allRows], [.. labels], [.. groups], (int)group);
    }

    /// <summary>One array per column of the parts, group ids offset so that each fold's groups follow the previous fold's.</summary>
    private static Lists Concatenate(List<(float[] Rows, float[] Labels, uint[] Groups, int Count)> parts, int width)
    {
        if (parts.Count == 1) return new Lists(parts[0].Rows, parts[0].Labels, parts[0].Groups, width, [parts[0].Count]);
        var rows = new float[parts.Sum(p => p.Rows.Length)];
        var labels = new float[parts.Sum(p => p.Labels.Length)];
        var groups = new uint[labels.Length];
        var (rowAt, labelAt) = (0, 0);
        uint offset = 0;
        foreach (var (partRows, partLabels, partGroups, count) in parts)
        {
            partRows.CopyTo(rows, rowAt);
            partLabels.CopyTo(labels, labelAt);
            for (var i = 0; i < partGroups.Length; i++) groups[labelAt + i] = partGroups[i] + offset;
            rowAt += partRows.Length;
            labelAt += partLabels.Length;
            offset += (uint)count;
        }
        return new Lists(rows, labels, groups, width, [.. parts.Select(p => p.Count)]);
    }
}

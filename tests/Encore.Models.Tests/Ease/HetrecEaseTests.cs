using Encore.Core.Sparse;
using Encore.Evaluation.Bench;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Neighbourhood;
using Encore.Tests.Shared;
using Xunit.Abstractions;

namespace Encore.Models.Tests.Ease;

/// <summary>
/// EASE on the PEERS HetRec split (binary, artists with at least 5 listeners so the dense inverse stays small): a listener
/// of Duran Duran (51), Morcheeba (52) and Air (53) gets a top-10 that mostly agrees with item-kNN's, and no Britney
/// Spears (289), the symptom of EASE over raw play counts; EASE with <see cref="EaseOptions.MinimumUsers"/> = 5 on the whole
/// catalogue recommends the same artists as EASE on the pruned one.
/// </summary>
public sealed class HetrecEaseTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void RecommendFromHistory_DuranDuranMorcheebaAir_DominatedBySimilarArtists()
    {
        var split = PeersSplit.Load(Path.Combine(SharedData.BenchmarksRoot!, "hetrec-split-seed42"), binary: true);
        var data = Prune(split.Train, minimumListeners: 5);
        string[] seeds = ["51", "52", "53"];
        var history = seeds.Select(id => data.Items.IndexOf(id)).ToArray();
        Assert.DoesNotContain(-1, history);
        float[] ones = [1f, 1f, 1f];

        var ease = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 200, Neighbours = 0 }).Fit(data);
        var sparse = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 200, Neighbours = 200 }).Fit(data);
        var knn = (ItemKnnModel)new ItemKnnTrainer().Fit(data);
        var easeTop = ease.RecommendFromHistory(history, ones, 10).Items;
        var sparseTop = sparse.RecommendFromHistory(history, ones, 10).Items;
        var knnTop = knn.RecommendFromHistory(history, ones, 10).Items;
        output.WriteLine($"backend {EaseTrainer.Backend}; {data.ItemCount} items");
        output.WriteLine("EASE:   " + string.Join(", ", easeTop.Select(i => data.Items[i])));
        output.WriteLine("sparse: " + string.Join(", ", sparseTop.Select(i => data.Items[i])));
        output.WriteLine("kNN:    " + string.Join(", ", knnTop.Select(i => data.Items[i])));

        Assert.True(easeTop.Intersect(knnTop).Count() >= 4, "EASE's top-10 shares fewer than 4 artists with item-kNN's");
        Assert.True(sparseTop.Intersect(easeTop).Count() >= 8, "sparse EASE (top-200 weights) drifts from dense EASE");
        Assert.DoesNotContain(data.Items.IndexOf("289"), easeTop);
        Assert.True(sparse.WeightCount <= 200L * data.ItemCount);

        // The same artists left out by the option on the whole catalogue: the same recommendations, by external id.
        var restricted = (EaseModel)new EaseTrainer(new EaseOptions { Lambda = 200, MinimumUsers = 5, Neighbours = 0 }).Fit(split.Train);
        var full = seeds.Select(id => split.Train.Items.IndexOf(id)).ToArray();
        var restrictedTop = restricted.RecommendFromHistory(full, ones, 10).Items;
        Assert.Equal(easeTop.Select(i => data.Items[i]), restrictedTop.Select(i => split.Train.Items[i]));
        Assert.Equal((long)data.ItemCount * data.ItemCount, restricted.WeightCount);
    }

    private static TrainingData Prune(TrainingData data, int minimumListeners)
    {
        var counts = new int[data.ItemCount];
        foreach (var i in data.Interactions.ColumnIndices) counts[i]++;
        var ids = new Encore.Core.Ids.IdMap();
        var map = new int[data.ItemCount];
        for (var i = 0; i < map.Length; i++) map[i] = counts[i] >= minimumListeners ? ids.GetOrAdd(data.Items[i]) : -1;
        var (rows, columns, values) = (new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < data.UserCount; u++)
            foreach (var i in data.Interactions.RowIndices(u))
                if (map[i] >= 0) { rows.Add(u); columns.Add(map[i]); values.Add(1f); }
        return new TrainingData(CsrMatrix.FromTriples(data.UserCount, ids.Count, [.. rows], [.. columns], [.. values]), data.Users, ids);
    }
}

using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ranking;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Ranking;

public sealed class FunnelPlayDepthTests
{
    /// <summary>
    /// u0: i0 = 3, i1 = 1, i2 = 2 (threshold 1, median 2); u1: i0 = 5, i4 = 4 (threshold 4, median 4.5);
    /// u2: i0 = 2, i3 = 6 (threshold 2, median 4); u3: only a negative value on i5 (no positive items).
    /// Listeners: i0 {u0: 3, u1: 5, u2: 2}, i1 {u0: 1}, i2 {u0: 2}, i3 {u2: 6}, i4 {u1: 4}, i5 none.
    /// </summary>
    private static CsrMatrix HandWorked() => CsrMatrix.FromTriples(4, 6,
        [0, 0, 0, 1, 1, 2, 2, 3], [0, 1, 2, 0, 4, 0, 3, 5], [3f, 1f, 2f, 5f, 4f, 2f, 6f, -1f]);

    private const string KnnGenerators = "popularity+item-knn(neighbours=20)";

    private static FunnelModel Fit(TrainingData data, string generators, string features, int candidates, int trees, int minimumPerLeaf, int folds = 1) =>
        Assert.IsType<FunnelModel>(new FunnelTrainer(Options(generators, features, candidates, trees, minimumPerLeaf, folds)).Fit(data));

    private static FunnelOptions Options(string generators, string features, int candidates, int trees, int minimumPerLeaf, int folds = 1) => new()
    {
        Generators = generators,
        Candidates = candidates,
        Trees = trees,
        MinimumPerLeaf = minimumPerLeaf,
        Features = features,
        Folds = folds,
        Threads = 1,
    };

    private static float[] Fill(FunnelSignals signals, int user, int[] items)
    {
        var rows = new float[items.Length * signals.Width];
        Array.Fill(rows, 99f);
        signals.Fill(user, items, rows, signals.Width, 0);
        return rows;
    }

    [Fact]
    public void PlayDepth_HandWorked_ThresholdMediansAndShares()
    {
        var sut = new FunnelSignals(FunnelFeatureGroups.PlayDepth, HandWorked(), null);

        var rows = Fill(sut, 1, [0, 1, 2, 3, 5]);

        Assert.Equal(["user-play-threshold", "user-play-median", "item-play-median", "item-reach-share", "item-upper-half-share"], FunnelSignals.Names(sut.Groups));
        Assert.Equal(5, sut.Width);
        // u1 (threshold 4, median 4.5) x i0: listeners' values {2, 3, 5}, median 3; only u1's own 5 reaches 4;
        // at or above the listener's own median: u0 3 >= 2 yes, u1 5 >= 4.5 yes, u2 2 >= 4 no.
        Assert.Equal([4f, 4.5f, 3f, 1f / 3, 2f / 3], rows[..5]);
        Assert.Equal([4f, 4.5f, 1f, 0f, 0f], rows[5..10]);      // i1: {u0: 1}; 1 < 4; 1 < u0's median 2
        Assert.Equal([4f, 4.5f, 2f, 0f, 1f], rows[10..15]);     // i2: {u0: 2}; 2 < 4; 2 >= u0's median 2
        Assert.Equal([4f, 4.5f, 6f, 1f, 1f], rows[15..20]);     // i3: {u2: 6}; 6 >= 4; 6 >= u2's median 4
        Assert.Equal([4f, 4.5f, 0f, 0f, 0f], rows[20..25]);     // i5: no positive listener
    }

    [Fact]
    public void PlayDepth_LowThresholdReachesEveryListener_NoPositiveItemsMeansNoBar()
    {
        var sut = new FunnelSignals(FunnelFeatureGroups.PlayDepth, HandWorked(), null);

        var light = Fill(sut, 0, [0]);   // u0: threshold 1, median 2 (odd count: the middle value)
        var none = Fill(sut, 3, [0, 5]);  // u3: no positive value: threshold and median 0, every listener reaches 0

        Assert.Equal([1f, 2f, 3f, 1f, 2f / 3], light);
        Assert.Equal([0f, 0f, 3f, 1f, 2f / 3, 0f, 0f, 0f, 0f, 0f], none);
    }

    [Fact]
    public void PlayDepth_AfterOtherGroups_WritesAtItsOwnOffset()
    {
        var sut = new FunnelSignals(FunnelFeatureGroups.Popularity | FunnelFeatureGroups.Neighbours | FunnelFeatureGroups.PlayDepth, HandWorked(), null);

        var rows = Fill(sut, 1, [3]);

        Assert.Equal(2 + HistorySimilarity.Width + 5, sut.Width);
        Assert.Equal([MathF.Log(2), MathF.Log(3)], rows[..2]);       // i3 has 1 listener; u1 has 2 positive items
        Assert.Equal([4f, 4.5f, 6f, 1f, 1f], rows[^5..]);
        Assert.Equal(["item-popularity-log", "user-activity-log", .. HistorySimilarity.Names, .. PlayDepth.Names], FunnelSignals.Names(sut.Groups));
    }

    [Fact]
    public void Supported_BinaryValues_DropPlayDepth_ValuedKeepIt()
    {
        var binary = CsrMatrix.FromTriples(2, 3, [0, 0, 1], [0, 1, 2], [1f, 1f, 1f]);
        var requested = FunnelFeatureGroups.Popularity | FunnelFeatureGroups.PlayDepth;

        Assert.False(PlayDepth.HasDepth(binary));
        Assert.True(PlayDepth.HasDepth(HandWorked()));
        Assert.Equal(FunnelFeatureGroups.Popularity, FunnelSignals.Supported(requested, binary));
        Assert.Equal(requested, FunnelSignals.Supported(requested, HandWorked()));
        Assert.Equal(FunnelFeatureGroups.PlayDepth, FunnelFeatureGroupNames.Parse("play-depth"));
        Assert.Equal("popularity+play-depth", FunnelFeatureGroupNames.Format(requested));
    }

    [Fact]
    public void Fit_BinaryData_DropsPlayDepth()
    {
        var data = PlantedBlocks.Create(seed: 5);
        var binary = TrainingData.FromMatrix(data.Interactions.MapValues(_ => 1f));

        var sut = Fit(binary, KnnGenerators, "popularity+play-depth", candidates: 30, trees: 10, minimumPerLeaf: 2);

        Assert.Equal(FunnelFeatureGroups.Popularity, sut.FeatureGroups);
        Assert.DoesNotContain("item-reach-share", sut.FeatureNames);
    }

    [Fact]
    public void Fit_OnlyAHeldOutPairCarriesDepth_TheRankerAndTheModelAgreeOnTheColumns()
    {
        // Every value is 1 but one held-out pair's: the carve's inner part is binary, the training matrix is not. The
        // group is decided on the training matrix, so the ranker's lists and the fitted model have the same columns.
        var data = PlantedBlocks.Create(seed: 9);
        var options = Options(KnnGenerators, "popularity+play-depth", candidates: 30, trees: 10, minimumPerLeaf: 2);
        var heldOut = RankerTrainingLists.Carve(data, options, 0).HeldOut;
        var x = data.Interactions;
        var (user, item) = Enumerable.Range(0, x.Rows).Where(u => heldOut.RowLength(u) > 0).Select(u => (u, heldOut.RowIndices(u)[0])).First();
        var values = new float[x.NonZeros];
        Array.Fill(values, 1f);
        values[x.Offsets[user] + x.RowIndices(user).IndexOf(item)] = 2f;
        var valued = TrainingData.FromMatrix(x.WithValues(values));
        Assert.False(PlayDepth.HasDepth(RankerTrainingLists.Carve(valued, options, 0).Inner.Interactions));

        var sut = Assert.IsType<FunnelModel>(new FunnelTrainer(options).Fit(valued));

        Assert.True(sut.HasRanker);
        Assert.Equal(FunnelFeatureGroups.Popularity | FunnelFeatureGroups.PlayDepth, sut.FeatureGroups);
        Assert.Equal(5, sut.Recommend([0, 1], 5).ItemsOf(0).Length);
    }

    /// <summary>
    /// Items 0..19 are played deeply by everyone who plays them (values 50..100), items 20..39 shallowly (1..5).
    /// Even users are heavy listeners whose lists keep only deep items, odd users light ones whose lists keep only
    /// shallow items; each user has 10 items chosen at random from their kind, so both kinds are equally popular and
    /// the popularity generators cannot tell them apart. Only the play depth says which unseen items a user's list
    /// admits: a deep item for a high bar, a shallow one for a low bar.
    /// </summary>
    private static TrainingData DepthWorld()
    {
        const int users = 200, items = 40, perUser = 10;
        var rng = new Rng(17);
        var (r, c, v) = (new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < users; u++)
        {
            var heavy = u % 2 == 0;
            var kind = Enumerable.Range(heavy ? 0 : items / 2, items / 2).ToArray();
            rng.Shuffle(kind.AsSpan());
            foreach (var i in kind[..perUser])
            {
                r.Add(u);
                c.Add(i);
                v.Add(heavy ? 50 + (float)Math.Floor(rng.NextDouble() * 51) : 1 + (float)Math.Floor(rng.NextDouble() * 5));
            }
        }
        return TrainingData.FromMatrix(CsrMatrix.FromTriples(users, items, [.. r], [.. c], [.. v]));
    }

    private static double ShareOfOwnKindInTop5(string features, int folds)
    {
        var data = DepthWorld();
        var model = Fit(data, "popularity+popularity", features, candidates: 40, trees: 30, minimumPerLeaf: 5, folds);
        var users = Enumerable.Range(0, data.Interactions.Rows).ToArray();
        var lists = model.Recommend(users, 5);
        var hits = 0;
        foreach (var u in users) hits += lists.ItemsOf(u).ToArray().Count(i => (i < 20) == (u % 2 == 0));
        return hits / (5.0 * users.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fit_PlantedDepth_RankerPutsTheItemsTheUsersBarAdmitsFirst(int folds)
    {
        var with = ShareOfOwnKindInTop5("popularity+play-depth", folds);
        var without = ShareOfOwnKindInTop5("popularity", folds);

        Assert.True(with >= 0.95, $"with play-depth {with:F3} of the top 5 are of the user's kind");
        Assert.True(without <= 0.75, $"without play-depth {without:F3} (the generators cannot tell the kinds apart)");
    }

    [Fact]
    public void Build_HeldOutValuesScaled_TheirFoldsRowsAreUnchanged()
    {
        // Fold 0's held-out pairs get 1000 times their values: fold 0's lists (generators and every feature of that
        // fold) must not move, since they may read only the fold's inner part; the later folds, whose inner parts hold
        // those pairs, do move (so the perturbation is visible to the play-depth columns where it is allowed).
        var data = DepthWorld();
        var options = Options(KnnGenerators, "play-depth", candidates: 40, trees: 10, minimumPerLeaf: 2, folds: 3);
        var heldOut = RankerTrainingLists.Carve(data, options, 0).HeldOut;
        var x = data.Interactions;
        var scaled = new float[x.NonZeros];
        for (var u = 0; u < x.Rows; u++)
        {
            var items = x.RowIndices(u);
            var values = x.RowValues(u);
            for (var p = 0; p < items.Length; p++)
                scaled[x.Offsets[u] + p] = heldOut.Get(u, items[p]) != 0 ? 1000 * values[p] : values[p];
        }
        var perturbed = TrainingData.FromMatrix(x.WithValues(scaled));
        var trainers = Encore.Models.Blend.BlendComponents.Trainers(options.Generators, FunnelModel.Name, options.Seed, 1);

        var clean = RankerTrainingLists.Build(data, options, trainers, "depth-clean", _ => { }, default);
        var moved = RankerTrainingLists.Build(perturbed, options, trainers, "depth-moved", _ => { }, default);

        Assert.Equal(heldOut.NonZeros, Enumerable.Range(0, x.NonZeros).Count(p => scaled[p] != x.Values[p]));
        Assert.Equal(clean.GroupsPerFold, moved.GroupsPerFold);
        var fold0 = clean.Groups.Count(g => g < clean.GroupsPerFold[0]) * clean.Width;
        Assert.Equal(clean.Rows[..fold0], moved.Rows[..fold0]);
        Assert.NotEqual(clean.Rows[fold0..], moved.Rows[fold0..]);
        Assert.Equal(clean.Labels, moved.Labels);
    }

    [Fact]
    public void SaveLoad_WithPlayDepth_GivesTheSameScores()
    {
        var data = DepthWorld();
        var model = Fit(data, KnnGenerators, "popularity+play-depth", candidates: 40, trees: 20, minimumPerLeaf: 5);

        var loaded = FunnelFiles.SaveAndLoad(model);

        Assert.Equal(FunnelFeatureGroups.Popularity | FunnelFeatureGroups.PlayDepth, loaded.FeatureGroups);
        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
        var users = Enumerable.Range(0, data.Interactions.Rows).ToArray();
        Assert.Equal(model.Recommend(users, 5).Scores.ToArray(), loaded.Recommend(users, 5).Scores.ToArray());
    }
}

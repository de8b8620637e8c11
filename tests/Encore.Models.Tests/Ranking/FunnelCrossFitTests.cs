using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ranking;
using Encore.Models.Tests.Contract;
using Encore.Models.Training;

namespace Encore.Models.Tests.Ranking;

public sealed class FunnelCrossFitTests
{
    private const string Generators = "popularity+item-knn(neighbours=20)";

    /// <summary>30 users with 0..19 items each (random, seeded) over 40 items, values 1..5.</summary>
    private static CsrMatrix RaggedMatrix()
    {
        var rng = new Rng(3);
        var (r, c, v) = (new List<int>(), new List<int>(), new List<float>());
        for (var u = 0; u < 30; u++)
        {
            var items = Enumerable.Range(0, 40).ToArray();
            rng.Shuffle(items.AsSpan());
            foreach (var i in items[..(u % 20)]) { r.Add(u); c.Add(i); v.Add(1 + u % 5); }
        }
        return CsrMatrix.FromTriples(30, 40, [.. r], [.. c], [.. v]);
    }

    private static HashSet<(int, int, float)> Pairs(CsrMatrix m, int? user = null)
    {
        var set = new HashSet<(int, int, float)>();
        for (var u = user ?? 0; u < (user + 1 ?? m.Rows); u++)
        {
            var items = m.RowIndices(u);
            var values = m.RowValues(u);
            for (var p = 0; p < items.Length; p++) set.Add((u, items[p], values[p]));
        }
        return set;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void KFoldCarve_FoldsAreDisjointCoverEachUserAndLeaveEveryInnerPartNonEmpty(int folds)
    {
        var x = RaggedMatrix();
        var parts = Enumerable.Range(0, folds).Select(k => KFoldCarve.Split(x, folds, k, seed: 11)).ToArray();

        for (var u = 0; u < x.Rows; u++)
        {
            var row = Pairs(x, u);
            var union = new HashSet<(int, int, float)>();
            var sizes = new List<int>();
            foreach (var (inner, heldOut) in parts)
            {
                var held = Pairs(heldOut, u);
                var kept = Pairs(inner, u);
                Assert.Empty(held.Intersect(kept));                 // no held-out pair in its own fold's generator input
                Assert.True(row.SetEquals(held.Union(kept)));       // each fold partitions the user's row
                Assert.Empty(union.Intersect(held));                // folds are disjoint
                union.UnionWith(held);
                sizes.Add(held.Count);
                if (row.Count >= 2) Assert.NotEmpty(kept);
            }
            Assert.True(row.Count < 2 ? union.Count == 0 : union.SetEquals(row), $"user {u}: folds cover {union.Count} of {row.Count}");
            Assert.True(sizes.Max() - sizes.Min() <= 1, $"user {u}: fold sizes {string.Join(",", sizes)}");
        }
    }

    [Fact]
    public void KFoldCarve_SameSeed_SameFolds_OtherSeed_OtherFolds()
    {
        var x = RaggedMatrix();

        var a = KFoldCarve.Split(x, 3, 1, seed: 5).HeldOut;
        var b = KFoldCarve.Split(x, 3, 1, seed: 5).HeldOut;
        var c = KFoldCarve.Split(x, 3, 1, seed: 6).HeldOut;

        Assert.True(Pairs(a).SetEquals(Pairs(b)));
        Assert.False(Pairs(a).SetEquals(Pairs(c)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(11, 0)]
    public void KFoldCarve_OutOfRange_Throws(int folds, int fold = 0) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KFoldCarve.Split(RaggedMatrix(), folds, fold, 1));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Folds_OutOfRange_Throw(int folds) => Assert.ThrowsAny<ArgumentException>(() => new FunnelOptions { Folds = folds });

    [Fact]
    public void Carve_OneFold_IsTheSingleValidationCarve()
    {
        var data = TrainingData.FromMatrix(RaggedMatrix());
        var options = new FunnelOptions { Seed = 9 };

        var (inner, heldOut) = RankerTrainingLists.Carve(data, options, 0);
        var (expectedInner, expectedHeldOut) = ValidationCarve.Split(data.Interactions, options.ValidationShare, 9);

        Assert.Equal(1, options.Folds);
        Assert.True(Pairs(expectedInner).SetEquals(Pairs(inner.Interactions)));
        Assert.True(Pairs(expectedHeldOut).SetEquals(Pairs(heldOut)));
    }

    [Fact]
    public void Carve_Folds_SideTagsOnlyOnTheFoldsInnerPairs()
    {
        // Every played pair carries a tag; a fold's features must not see the tags of its held-out pairs.
        var x = RaggedMatrix();
        var (tu, ti) = (new List<int>(), new List<int>());
        foreach (var (u, i, _) in Pairs(x)) { tu.Add(u); ti.Add(i); }
        var data = TrainingData.FromMatrix(x);
        data = new TrainingData(x, data.Users, data.Items)
        {
            Side = new SideInformation(null, new UserItemTags([.. tu], [.. ti], [.. tu.Select(u => u % 3)], x.Rows, x.Columns, 3)),
        };
        var options = new FunnelOptions { Folds = 4, Seed = 2 };

        for (var k = 0; k < 4; k++)
        {
            var (inner, heldOut) = RankerTrainingLists.Carve(data, options, k);
            var tags = inner.Side!.Tags!;
            var held = Pairs(heldOut).Select(p => (p.Item1, p.Item2)).ToHashSet();
            var kept = Pairs(inner.Interactions).Select(p => (p.Item1, p.Item2)).ToHashSet();
            var tagged = Enumerable.Range(0, tags.Count).Select(t => (tags.Users[t], tags.Items[t])).ToHashSet();
            Assert.NotEmpty(held);
            Assert.Empty(tagged.Intersect(held));
            Assert.True(tagged.SetEquals(kept));
        }
    }

    [Fact]
    public void Build_ThreeFolds_GivesAGroupPerFoldAndUserWithLabelsFromThatFold()
    {
        var data = PlantedBlocks.Create(seed: 21);
        var options = new FunnelOptions { Generators = Generators, Candidates = 30, Folds = 3, Threads = 1 };
        var single = new FunnelOptions { Generators = Generators, Candidates = 30, Threads = 1 };
        var trainers = Encore.Models.Blend.BlendComponents.Trainers(Generators, FunnelModel.Name, options.Seed, 1);
        var reported = new List<int>();

        var lists = RankerTrainingLists.Build(data, options, trainers, "test-3", reported.Add, default);
        var one = RankerTrainingLists.Build(data, single, trainers, "test-1", _ => { }, default);

        Assert.Equal([1, 2, 3], reported);
        Assert.Equal(3, lists.GroupsPerFold.Length);
        Assert.True(lists.GroupsPerFold.Sum() >= 2.5 * one.GroupsPerFold.Sum(), $"{lists.GroupsPerFold.Sum()} groups against {one.GroupsPerFold.Sum()}");
        Assert.Equal(lists.GroupsPerFold.Sum(), lists.Groups.Distinct().Count());
        Assert.True(lists.Groups.Zip(lists.Groups.Skip(1)).All(p => p.Second == p.First || p.Second == p.First + 1), "groups are contiguous runs");
        // The positives are the folds' held-out pairs that reach a candidate list: never more (a positive is a held-out
        // pair), and nearly all here (an item only its holder played has no evidence in that fold and is no candidate).
        var heldOut = 0;
        for (var k = 0; k < 3; k++) heldOut += RankerTrainingLists.Carve(data, options, k).HeldOut.NonZeros;
        Assert.InRange((int)lists.Labels.Sum(), (int)(0.9 * heldOut), heldOut);
        Assert.Equal(lists.Labels.Length * lists.Width, lists.Rows.Length);
    }

    [Fact]
    public void Fit_ThreeFolds_RankerKeepsEachUserInsideTheirBlock_AndIsDeterministic()
    {
        // Two separately built copies of the same data: the process cache is keyed by the matrix instance, so the
        // second fit really refits.
        FunnelModel Fit(TrainingData data) => Assert.IsType<FunnelModel>(new FunnelTrainer(new FunnelOptions
        {
            Generators = Generators,
            Candidates = 30,
            Trees = 30,
            MinimumPerLeaf = 2,
            Folds = 3,
            Threads = 1,
        }).Fit(data));
        var data = PlantedBlocks.Create();
        var model = Fit(data);
        var again = Fit(PlantedBlocks.Create());
        var users = Enumerable.Range(0, PlantedBlocks.UserCount).Where(u => data.Interactions.RowLength(u) > 0).ToArray();

        var lists = model.Recommend(users, 3);

        Assert.True(model.HasRanker);
        var inside = 0;
        for (var x = 0; x < users.Length; x++)
            inside += lists.ItemsOf(x).ToArray().Count(i => PlantedBlocks.BlockOfItem(i) == PlantedBlocks.GroupOfUser(users[x]));
        Assert.True(inside >= 0.9 * 3 * users.Length, $"{inside} of {3 * users.Length} recommendations inside the user's block");
        Assert.Equal(lists.Items.ToArray(), again.Recommend(users, 3).Items.ToArray());
        Assert.Equal(lists.Scores.ToArray(), again.Recommend(users, 3).Scores.ToArray());
    }

    [Fact]
    public void Fit_SameMatrixTwice_SharesTheListsAndGivesTheSameModel()
    {
        // A sweep over ranker settings fits funnels on one matrix: the second fit takes the lists from the cache.
        var data = PlantedBlocks.Create(seed: 31);
        var options = new FunnelOptions { Generators = Generators, Candidates = 30, Trees = 20, MinimumPerLeaf = 2, Folds = 2, Threads = 1 };
        var users = Enumerable.Range(0, PlantedBlocks.UserCount).ToArray();

        var first = new FunnelTrainer(options).Fit(data).Recommend(users, 5);
        var progress = new List<EpochReport>();
        var second = new FunnelTrainer(options).Fit(data, new Progress(progress)).Recommend(users, 5);

        Assert.Equal(first.Items.ToArray(), second.Items.ToArray());
        Assert.Equal([1, 2, 3, 4], progress.Select(p => p.Epoch));
        Assert.All(progress, p => Assert.Equal(4, p.TotalEpochs));
    }

    private sealed class Progress(List<EpochReport> reports) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => reports.Add(value);
    }
}

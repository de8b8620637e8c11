using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;
using Encore.Models.Ranking;

namespace Encore.Models.Tests.Ranking;

public sealed class FunnelSideFeatureTests
{
    private const int Users = 60;
    private const int Items = 40;

    /// <summary>
    /// Item i carries tag i % 5 (applied by whoever plays it). User u's taste is tag u % 5: they play 6 of the 8 items
    /// with that tag plus 2 random others and tag every item they play, so their own tag use points at their taste.
    /// The 2 unplayed items of their tag (<c>Extra</c>) are what they would play next. Tags sit only on played pairs,
    /// as the side-table rule keeps them, so nothing but the tag profile points at the extras.
    /// </summary>
    private static (TrainingData Data, int[][] Extra) TaggedWorld()
    {
        var rng = new Rng(7);
        var (ru, ri, tu, ti, tt) = (new List<int>(), new List<int>(), new List<int>(), new List<int>(), new List<int>());
        var extra = new int[Users][];
        for (var u = 0; u < Users; u++)
        {
            var taste = Enumerable.Range(0, Items).Where(i => i % 5 == u % 5).ToArray();
            rng.Shuffle(taste.AsSpan());
            var others = Enumerable.Range(0, Items).Where(i => i % 5 != u % 5).ToArray();
            rng.Shuffle(others.AsSpan());
            extra[u] = taste[6..];
            foreach (var i in taste[..6].Concat(others[..2]))
            {
                ru.Add(u);
                ri.Add(i);
                tu.Add(u);
                ti.Add(i);
                tt.Add(i % 5);
            }
        }
        var matrix = CsrMatrix.FromTriples(Users, Items, ru.ToArray(), ri.ToArray(), [.. Enumerable.Repeat(1f, ru.Count)]);
        var data = TrainingData.FromMatrix(matrix);
        return (new TrainingData(matrix, data.Users, data.Items)
        {
            Side = new SideInformation(null, new UserItemTags([.. tu], [.. ti], [.. tt], Users, Items, 5)),
        }, extra);
    }

    private static FunnelModel Fit(TrainingData data, string features, string generators = "popularity+item-knn(neighbours=20)", int folds = 1) =>
        Assert.IsType<FunnelModel>(new FunnelTrainer(new FunnelOptions
        {
            Generators = generators,
            Candidates = Items,
            Trees = 30,
            MinimumPerLeaf = 2,
            Features = features,
            Folds = folds,
            Threads = 1,
        }).Fit(data));

    private static double ShareOfExtraInTop2(FunnelModel model, int[][] extra)
    {
        var users = Enumerable.Range(0, Users).ToArray();
        var lists = model.Recommend(users, 2);
        var hits = 0;
        for (var u = 0; u < Users; u++) hits += lists.ItemsOf(u).ToArray().Count(extra[u].Contains);
        return hits / (2.0 * Users);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fit_OwnTags_RanksUnseenItemsOfTheUsersTagFirst(int folds)
    {
        var (data, extra) = TaggedWorld();

        // Popularity (twice: a funnel needs two generators) as the only generator: only the own-tag profile can point at the extras.
        var withOwnTags = Fit(data, "popularity+own-tags", "popularity+popularity", folds);
        var without = Fit(data, "popularity", "popularity+popularity", folds);

        Assert.Equal(FunnelFeatureGroups.Popularity | FunnelFeatureGroups.OwnTags, withOwnTags.FeatureGroups);
        Assert.True(ShareOfExtraInTop2(withOwnTags, extra) >= 0.9, $"with own tags {ShareOfExtraInTop2(withOwnTags, extra):0.00}");
        Assert.True(ShareOfExtraInTop2(without, extra) < 0.5, $"without {ShareOfExtraInTop2(without, extra):0.00}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fit_TagsOnPairsOutsideTheTrainingMatrix_AreNotSeen(int folds)
    {
        // The leak the side-table rule closes: a user's tag on an item they have not played (here: on exactly the
        // extras) would point straight at them. Restricted to played pairs it is gone, so those tags change nothing.
        var (data, extra) = TaggedWorld();
        var tags = data.Side!.Tags!;
        var (u, i, t) = (tags.Users.ToList(), tags.Items.ToList(), tags.Tags.ToList());
        for (var user = 0; user < Users; user++)
            foreach (var item in extra[user]) { u.Add(user); i.Add(item); t.Add(0); }
        var leaky = new TrainingData(data.Interactions, data.Users, data.Items)
        {
            Side = new SideInformation(null, new UserItemTags([.. u], [.. i], [.. t], Users, Items, 5)),
        };

        var clean = Fit(data, "popularity+own-tags", "popularity+popularity", folds);
        var sut = Fit(leaky, "popularity+own-tags", "popularity+popularity", folds);

        var users = Enumerable.Range(0, Users).ToArray();
        Assert.Equal(clean.Recommend(users, 5).Items.ToArray(), sut.Recommend(users, 5).Items.ToArray());
    }

    [Fact]
    public void Fit_NoSideTables_DropsTheGroupsThatNeedThem()
    {
        var (data, _) = TaggedWorld();
        var bare = new TrainingData(data.Interactions, data.Users, data.Items);

        var sut = Fit(bare, "all");

        Assert.Equal(FunnelFeatureGroups.Popularity | FunnelFeatureGroups.Neighbours | FunnelFeatureGroups.Agreement, sut.FeatureGroups);
    }

    [Fact]
    public void SaveLoad_WithSideTables_GivesTheSameScores()
    {
        var (data, _) = TaggedWorld();
        var model = Fit(data, "all");

        var loaded = FunnelFiles.SaveAndLoad(model);

        Assert.Equal(model.FeatureGroups, loaded.FeatureGroups);
        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
        var users = Enumerable.Range(0, Users).ToArray();
        Assert.Equal(model.Recommend(users, 5).Items.ToArray(), loaded.Recommend(users, 5).Items.ToArray());
    }

    [Fact]
    public void Signals_HandWorked_FriendsShareAndTagCosines()
    {
        // u0's friends u1, u2; u1 plays i2 and i3, u2 plays i2. Tags: u0 put t0 on i0 (played); u1 put t0 on i2, t1 on i3.
        var matrix = CsrMatrix.FromTriples(3, 4, [0, 1, 1, 2], [0, 2, 3, 2], [1f, 1f, 1f, 1f]);
        var links = CsrMatrix.FromTriples(3, 3, [0, 0], [1, 2], [1f, 1f]);
        var tags = new UserItemTags([0, 1, 1], [0, 2, 3], [0, 0, 1], 3, 4, 2);
        const FunnelFeatureGroups groups = FunnelFeatureGroups.Popularity | FunnelFeatureGroups.Tags | FunnelFeatureGroups.OwnTags | FunnelFeatureGroups.Friends;
        var sut = new FunnelSignals(groups, matrix, new SideInformation(links, tags));
        var rows = new float[2 * sut.Width];

        sut.Fill(0, [2, 3], rows, sut.Width, 0);

        // idf: 3 tagged items; t0 on 2 items -> ln 1.5, t1 on 1 -> ln 3. Item rows are unit vectors: i0 = i2 = (1, 0), i3 = (0, 1).
        Assert.Equal(new[] { "item-popularity-log", "user-activity-log", "tag-affinity", "item-tags-log", "own-tag-affinity", "user-tagged-item-log", "friends-listening-share", "friends-listening-log" },
            FunnelSignals.Names(sut.Groups));
        Assert.Equal(MathF.Log(3), rows[0], 5);          // i2: two users
        Assert.Equal(MathF.Log(2), rows[1], 5);          // u0: one item
        Assert.Equal(1f, rows[2], 5);                    // u0 listened to i0 = (1, 0); i2 = (1, 0)
        Assert.Equal(MathF.Log(2), rows[3], 5);          // i2 has one tag assignment
        Assert.Equal(1f, rows[4], 5);                    // u0's own tags (t0) vs i2
        Assert.Equal(0f, rows[5], 5);                    // u0 did not tag i2
        Assert.Equal(1f, rows[6], 5);                    // both friends play i2
        Assert.Equal(MathF.Log(3), rows[7], 5);
        Assert.Equal(0f, rows[sut.Width + 2], 5);        // i3 = (0, 1) is orthogonal to u0's profile
        Assert.Equal(0.5f, rows[sut.Width + 6], 5);      // one friend of two plays i3
    }

    [Theory]
    [InlineData("tags+nope")]
    [InlineData("friends,tags")]
    public void Features_Unknown_Throw(string text) => Assert.ThrowsAny<ArgumentException>(() => new FunnelOptions { Features = text });
}

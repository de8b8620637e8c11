using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Synthetic;
using Encore.Evaluation.Content;
using Encore.Models.Contract;
using Encore.Models.Popularity;

namespace Encore.Evaluation.Tests.Content;

public sealed class FalseNegativeFinderTests
{
    private static readonly MusicDataset Data = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny).Dataset;

    private static readonly IRecommender Model = Fit();

    private static IRecommender Fit()
    {
        var matrix = InteractionAggregator.Aggregate(Data, new AggregationOptions());
        return new PopularityTrainer().Fit(new TrainingData(matrix.Matrix, matrix.Users, matrix.Items));
    }

    // Independent recount: (user id, track id) -> (skip/dislike/play/like total, negative events).
    private static Dictionary<(string, string), (double Total, int Negative)> Labels()
    {
        var result = new Dictionary<(string, string), (double, int)>();
        var e = Data.Events;
        for (var i = 0; i < e.Count; i++)
        {
            var w = e.Kinds[i] switch { EventKind.Play or EventKind.Like => 1.0, EventKind.Skip or EventKind.Dislike => -1.0, _ => 0.0 };
            var key = (Data.Users[e.Users[i]], Data.Tracks[e.Items[i]]);
            var (total, negative) = result.GetValueOrDefault(key);
            result[key] = (total + w, negative + (w < 0 ? 1 : 0));
        }
        return result;
    }

    private static float Score(string user, string track)
    {
        Span<float> s = stackalloc float[1];
        Model.Score(Model.Users.IndexOf(user), [Model.Items.IndexOf(track)], s);
        return s[0];
    }

    [Fact]
    public void Find_AllUsers_ListsOnlyNotLikedPairs_BestScoredFirst()
    {
        var labels = Labels();
        var sut = FalseNegativeFinder.Find(Data, Model, FalseNegativeFinder.DefaultWeights, null, 15);
        var notLiked = labels.Where(p => p.Value.Negative > 0 && p.Value.Total <= 0).ToList();
        Assert.Equal(notLiked.Count, sut.Labelled);
        Assert.Equal(15, sut.Pairs.Count);
        foreach (var p in sut.Pairs)
        {
            var (total, negative) = labels[(p.User, p.Track)];
            Assert.True(total <= 0 && negative > 0, $"{p.User}/{p.Track}: total {total}, negative {negative}");
            Assert.Equal(total, p.Total);
            Assert.Equal(Score(p.User, p.Track), p.Score);
        }
        for (var i = 1; i < sut.Pairs.Count; i++) Assert.True(sut.Pairs[i - 1].Score >= sut.Pairs[i].Score);
        var best = notLiked.Where(p => Model.Users.Contains(p.Key.Item1) && Model.Items.Contains(p.Key.Item2)).Max(p => Score(p.Key.Item1, p.Key.Item2));
        Assert.Equal(best, sut.Pairs[0].Score);
    }

    [Fact]
    public void Find_OneUser_OnlyThatUsersPairs()
    {
        var user = Labels().First(p => p.Value.Negative > 0 && p.Value.Total <= 0).Key.Item1;
        var sut = FalseNegativeFinder.Find(Data, Model, FalseNegativeFinder.DefaultWeights, user, 5);
        Assert.NotEmpty(sut.Pairs);
        Assert.All(sut.Pairs, p => Assert.Equal(user, p.User));
    }

    [Fact]
    public void Find_NoNegativeWeight_ThrowsSayingWhy()
    {
        var error = Assert.Throws<ArgumentException>(() => FalseNegativeFinder.Find(Data, Model, EventKindWeights.Default, null, 5));
        Assert.Contains("negative weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownUser_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => FalseNegativeFinder.Find(Data, Model, FalseNegativeFinder.DefaultWeights, "nobody-here", 5));
        Assert.Contains("nobody-here", error.Message, StringComparison.Ordinal);
    }
}

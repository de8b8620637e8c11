using System.Globalization;
using System.Text;
using Encore.Core.Randomness;
using Encore.Evaluation.Bandits;
using Encore.Models.Bandits;

namespace Encore.Evaluation.Tests.Bandits;

/// <summary>Replay on R3-shaped logs: every user rated 10 songs drawn uniformly from the catalogue.</summary>
public sealed class ReplayLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-replay-log-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// An R3-shaped log: <paramref name="users"/> users x 10 distinct uniform songs of 50; song s has vector
    /// (cos, sin) of angle 2πs/50 and every user shares one taste (1, 0): rating 5 when cos > 0.3, 4 when > 0, else
    /// 1 or 2. The file is sorted by user then song, as R3's is.
    /// </summary>
    internal static (string Path, Dictionary<string, float[]> Vectors) R3Fixture(string dir, int users, ulong seed)
    {
        var rng = new Rng(seed);
        var vectors = Enumerable.Range(0, 50).ToDictionary(s => s.ToString(CultureInfo.InvariantCulture),
            s => new[] { MathF.Cos(2 * MathF.PI * s / 50), MathF.Sin(2 * MathF.PI * s / 50) });
        var text = new StringBuilder();
        for (var u = 1; u <= users; u++)
        {
            var songs = new SortedSet<int>();
            while (songs.Count < 10) songs.Add(rng.NextInt(50));
            foreach (var s in songs)
            {
                var c = MathF.Cos(2 * MathF.PI * s / 50);
                var rating = c > 0.3f ? 5 : c > 0 ? 4 : 1 + rng.NextInt(2);
                text.Append(CultureInfo.InvariantCulture, $"{u}\t{s}\t{rating}\n");
            }
        }
        var path = Path.Combine(dir, "ydata-ymusic-rating-study-v1_0-test.txt");
        File.WriteAllText(path, text.ToString());
        return (path, vectors);
    }

    private static ReplayLog Build(string path, Dictionary<string, float[]> vectors, ulong seed = 1) =>
        ReplayLog.Build(ExposureLog.Read(path), id => vectors.TryGetValue(id, out var v) ? v : ReadOnlyMemory<float>.Empty, 2, 4, seed);

    [Fact]
    public void Build_EachUsersArmSetIsItsExposedSongs()
    {
        var (path, vectors) = R3Fixture(_dir, 30, 3);
        var sut = Build(path, vectors);
        Assert.Equal(300, sut.Events.Count);
        Assert.Equal(30, sut.Users);
        Assert.All(sut.Events, e => Assert.Equal(10, e.Candidates.Length));
        Assert.All(sut.Events, e => Assert.Contains(e.Shown, e.Candidates));
        // Each user's 10 events show each of its 10 arms exactly once.
        Assert.All(sut.Events.GroupBy(e => e.User), g => Assert.Equal(g.First().Candidates.Order(), g.Select(e => e.Shown).Order()));
        Assert.InRange(sut.LogMeanReward, 0.2, 0.6);
    }

    [Fact]
    public void Build_SongsWithoutVectorsAndSingleArmUsersAreLeftOutAndCounted()
    {
        var path = Path.Combine(_dir, "small.txt");
        File.WriteAllText(path, "1\ta\t5\n1\tb\t1\n1\tzz\t5\n2\ta\t5\n");
        var vectors = new Dictionary<string, float[]> { ["a"] = [1, 0], ["b"] = [0, 1] };
        var sut = Build(path, vectors);
        Assert.Equal(1, sut.RowsWithoutVector);
        Assert.Equal(1, sut.DroppedUsers);
        Assert.Equal(2, sut.Events.Count);
        Assert.Equal(0.5, sut.LogMeanReward);
    }

    [Fact]
    public void Build_NothingLeft_ThrowsSayingWhy()
    {
        var path = Path.Combine(_dir, "none.txt");
        File.WriteAllText(path, "1\ta\t5\n");
        var error = Assert.Throws<ArgumentException>(() => Build(path, []));
        Assert.Contains("1 without a track vector", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_RandomPolicy_EstimateMatchesTheLogsMeanReward()
    {
        var (path, vectors) = R3Fixture(_dir, 500, 5);
        var log = Build(path, vectors);
        var sut = ReplayEvaluator.Evaluate(log.Events, log.Features, log.Dimension, new RandomPolicy(), 0.1, 9);
        Assert.InRange(sut.Matched, 400, 600); // ~ 5,000 / 10
        Assert.InRange(log.LogMeanReward, sut.Low, sut.High);
        Assert.True(sut.High - sut.Low < 0.1, $"interval [{sut.Low}, {sut.High}]");
    }

    [Fact]
    public void Replay_SharedTaste_HybridLinUcbBeatsRandom()
    {
        var (path, vectors) = R3Fixture(_dir, 500, 6);
        var log = Build(path, vectors);
        var random = ReplayEvaluator.Evaluate(log.Events, log.Features, log.Dimension, new RandomPolicy(), 0.1, 9);
        var hybrid = ReplayEvaluator.Evaluate(log.Events, log.Features, log.Dimension, new HybridLinUcb(2, 0.1, 0.1, 0.1), 9);
        Assert.True(hybrid.Low > random.High, $"hybrid {hybrid.MeanReward:F3} [{hybrid.Low:F3}, {hybrid.High:F3}], random {random.MeanReward:F3} [{random.Low:F3}, {random.High:F3}]");
    }

    [Fact]
    public void Build_SameSeed_SameOrder_OtherSeed_OtherOrder()
    {
        var (path, vectors) = R3Fixture(_dir, 20, 7);
        Assert.Equal(Build(path, vectors, 1).Events.Select(e => (e.User, e.Shown, e.Reward)), Build(path, vectors, 1).Events.Select(e => (e.User, e.Shown, e.Reward)));
        Assert.NotEqual(Build(path, vectors, 1).Events.Select(e => e.Shown), Build(path, vectors, 2).Events.Select(e => e.Shown));
    }
}

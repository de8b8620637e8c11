using Encore.Core.Ids;
using Encore.Data.Model;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Protocols.SampledNegatives;
using Encore.Models.Playlists;

namespace Encore.Evaluation.Tests.Protocols;

/// <summary>The labelled sampled-negative protocol (docs/protocol-sampled-negatives.md).</summary>
public sealed class SampledNegativeTests
{
    // 40 playlists of 6 tracks: playlist p holds tracks (p % 4) * 10 + j for j = 0..5 (four taste blocks of 10 tracks
    // each, 6 of every block's tracks used); playlist 40 has only 2 tracks and is never a test playlist.
    private static PlaylistTable Playlists()
    {
        var builder = new PlaylistTableBuilder();
        for (var p = 0; p < 40; p++) builder.Add("p" + p, [.. Enumerable.Range(0, 6).Select(j => (p % 4 * 10) + ((j + p) % 10))]);
        builder.Add("short", [0, 1]);
        return builder.Build();
    }

    [Fact]
    public void ThresholdChoice_HandWorked_MaximisesValidationAccuracy()
    {
        // Sorted scores 0.1(-) 0.2(+) 0.3(-) 0.6(+) 0.7(+) 0.9(-). Thresholds and correct counts:
        // <= 0.1: 3; (0.1, 0.2]: 4; (0.2, 0.3]: 3; (0.3, 0.6]: 4; (0.6, 0.7]: 3; (0.7, 0.9]: 2; > 0.9: 3.
        // Best 4 of 6, first reached between 0.1 and 0.2: the midpoint 0.15.
        double[] scores = [0.6, 0.1, 0.9, 0.2, 0.7, 0.3];
        bool[] labels = [true, false, false, true, true, false];
        var (threshold, accuracy) = ThresholdChoice.Best(scores, labels);
        Assert.Equal(0.15, threshold, 12);
        Assert.Equal(4.0 / 6, accuracy, 12);
    }

    [Fact]
    public void ThresholdChoice_Separable_IsPerfectAndTiesStayTogether()
    {
        var (threshold, accuracy) = ThresholdChoice.Best([1.0, 1.0, 3.0, 3.0], [false, false, true, true]);
        Assert.Equal(2.0, threshold, 12);
        Assert.Equal(1.0, accuracy, 12);
        // All scores tied: no cut separates anything; everything positive (the lowest threshold) gives 1 of 2.
        var (_, tied) = ThresholdChoice.Best([5.0, 5.0], [true, false]);
        Assert.Equal(0.5, tied, 12);
        Assert.Throws<ArgumentException>(() => ThresholdChoice.Best([double.NaN], [true]));
    }

    [Fact]
    public void Evaluate_HandWorked_AccuracyAtValidationThresholdAndAuc()
    {
        var split = Split(10);
        var n = split.Test.Count;
        // Validation: positives score 1, negatives 0 -> threshold 0.5. Test: every positive 0.8; negatives alternate
        // 0.2 and 0.9, so half the negatives are wrong: accuracy = (n/2 + n/4) / n = 0.75, and the AUC is
        // P(pos > neg) = 1/2 (against 0.2) + 0 (against 0.9) = 0.5.
        var validation = split.Validation.Select(p => p.Label ? 1.0 : 0.0).ToArray();
        var negative = 0;
        var test = split.Test.Select(p => p.Label ? 0.8 : negative++ % 2 == 0 ? 0.2 : 0.9).ToArray();
        var result = SampledNegativeRunner.Evaluate("hand", validation, test, split, 0);
        Assert.Equal(0.5, result.Threshold, 12);
        Assert.Equal(1.0, result.ValidationAccuracy, 12);
        Assert.Equal(0.75, result.Report.Accuracy, 12);
        Assert.Equal(0.5, result.Report.RocAuc, 12);
        Assert.Equal(n / 2, result.Report.Positives);
        Assert.True(result.Report.AccuracyLow < 0.75 && result.Report.AccuracyHigh > 0.75);
    }

    [Fact]
    public void Build_Pairs_BalancedHeldOutAndNegativesOutsideThePlaylist()
    {
        var table = Playlists();
        var split = Split(1000);
        Assert.Equal(40 * 2, split.Test.Count); // the 2-track playlist is not eligible
        Assert.Equal(split.Test.Count, split.Validation.Count);
        foreach (var pairs in new[] { split.Test, split.Validation })
        {
            Assert.Equal(pairs.Count / 2, pairs.Count(p => p.Label));
            foreach (var pair in pairs)
            {
                var member = table.Tracks[pair.Playlist].Contains(pair.Track);
                Assert.Equal(pair.Label, member);
                Assert.DoesNotContain(pair.Track, split.Train.RowIndices(pair.Playlist).ToArray()); // held-out positives are not trained on
            }
        }
        // Each test playlist keeps 4 of its 6 tracks for training.
        Assert.All(split.Test.Where(p => p.Label), p => Assert.Equal(4, split.Train.RowLength(p.Playlist)));
        Assert.Equal(Split(1000).Test, split.Test); // seeded
        Assert.NotEqual(SampledNegativeSplit.Build(table, 40, 1000, seed: 8).Test, split.Test);
        Assert.Equal(2 * 10, Split(10).Test.Count);
    }

    [Fact]
    public void Build_NoEligiblePlaylist_SaysWhy()
    {
        var builder = new PlaylistTableBuilder();
        builder.Add("two", [0, 1]);
        var error = Assert.Throws<ArgumentException>(() => SampledNegativeSplit.Build(builder.Build(), 2, 10, 42));
        Assert.Contains("3 distinct tracks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BlockWorld_PlaylistKnnBeatsTheRandomBaseline()
    {
        var split = Split(1000);
        var ids = IdMap.FromIds(Enumerable.Range(0, 41).Select(p => "p" + p));
        var tracks = IdMap.FromIds(Enumerable.Range(0, 40).Select(t => "t" + t));
        var results = SampledNegativeRunner.Run(split, ids, tracks, [new ModelCandidate("playlist-knn", new PlaylistKnnTrainer(), new Dictionary<string, string>())], 42);
        Assert.Equal(SampledNegativeRunner.RandomName, results[0].Model);
        Assert.InRange(results[0].Report.RocAuc, 0.25, 0.75);
        // Most negatives (30 of the 34 tracks outside a playlist) come from other blocks, which no Dice neighbour holds.
        Assert.True(results[1].Report.RocAuc > 0.8, $"AUC {results[1].Report.RocAuc}");
        Assert.True(results[1].Report.Accuracy > 0.8, $"accuracy {results[1].Report.Accuracy}");
    }

    private static SampledNegativeSplit Split(int playlists) => SampledNegativeSplit.Build(Playlists(), 40, playlists, seed: 7);
}

using System.Globalization;
using System.Text;
using Encore.Data.Import;
using Encore.Data.Import.Mpd;
using Encore.Data.Model;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Protocols.Playlists;

namespace Encore.Evaluation.Tests.Protocols;

/// <summary>The playlist protocols on a hand-made MPD-format slice (docs/protocol-playlist-challenge.md).</summary>
public sealed class PlaylistChallengeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-mpd-challenge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // 60 playlists: playlist p has 3 + (p * 7) % 120 tracks, track j of playlist p is t((p % 6) * 20 + j) mod 200, artist = track / 10.
    // Names "mix 0".."mix 5" by p % 6, so title-only playlists have same-title training playlists.
    private MusicDataset Slice()
    {
        var json = new StringBuilder("{\"info\": {\"slice\": \"0-59\", \"version\": \"v1\"}, \"playlists\": [");
        for (var p = 0; p < 60; p++)
        {
            var n = 3 + (p * 7 % 120);
            json.Append(CultureInfo.InvariantCulture, $"{(p > 0 ? "," : "")}{{\"name\": \"Mix {p % 6}\", \"collaborative\": \"false\", \"pid\": {p}, \"modified_at\": 1493424000, \"num_tracks\": {n}, \"num_followers\": 1, \"tracks\": [");
            for (var j = 0; j < n; j++)
            {
                var t = ((p % 6 * 20) + j) % 200;
                json.Append(CultureInfo.InvariantCulture,
                    $"{(j > 0 ? "," : "")}{{\"pos\": {j}, \"artist_name\": \"A{t / 10}\", \"track_uri\": \"spotify:track:T{t:D3}\", \"artist_uri\": \"spotify:artist:A{t / 10}\", \"track_name\": \"S{t}\", \"album_uri\": \"spotify:album:L{t / 10}\", \"duration_ms\": 200000, \"album_name\": \"L\"}}");
            }
            json.Append("]}");
        }
        json.Append("]}");
        var file = Path.Combine(_dir, "mpd.slice.0-59.json");
        File.WriteAllText(file, json.ToString());
        return new MpdImporter().Import([file], new ImportOptions { Mode = ErrorMode.Strict }, new ImportReport(ErrorMode.Strict));
    }

    [Fact]
    public void Build_EachCategoryShowsItsSeedsAndWithholdsTheRest()
    {
        var data = Slice();
        var sut = ChallengeSplit.Build(data.PlaylistInfo, data.Tracks.Count, perCategory: 3, seed: 7);

        Assert.Equal(10, sut.CategoryNames.Count);
        Assert.Equal(sut.Tests.Count, sut.Tests.Select(t => t.Playlist).Distinct().Count());
        foreach (var test in sut.Tests)
        {
            var category = ChallengeCategory.All[test.Category];
            var tracks = data.PlaylistInfo.Tracks[test.Playlist].ToArray().Distinct().ToArray();
            var seeds = sut.Train.RowIndices(test.Playlist).ToArray();
            Assert.Equal(category.Seeds, seeds.Length);
            if (!category.Random) Assert.Equal(tracks.Take(category.Seeds).Order(), seeds);
            Assert.Equal(tracks.Order(), seeds.Concat(test.Withheld).Order());
            Assert.NotEmpty(test.Withheld);
        }
        // Every category that has eligible playlists gets 3 (playlists with > 100 tracks: 11 of 60, enough for both 100s).
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(3, sut.Tests.Count(t => t.Category == c)));
        // A non-test playlist trains whole.
        var other = Enumerable.Range(0, 60).First(p => sut.Tests.All(t => t.Playlist != p));
        Assert.Equal(data.PlaylistInfo.Tracks[other].ToArray().Distinct().Count(), sut.Train.RowLength(other));
        // Same seed, same split.
        var again = ChallengeSplit.Build(data.PlaylistInfo, data.Tracks.Count, 3, 7);
        Assert.Equal(sut.Tests.Select(t => (t.Playlist, t.Category)), again.Tests.Select(t => (t.Playlist, t.Category)));
    }

    [Fact]
    public void Run_PopularityAndPlaylistKnn_ReportEveryCategoryWithinRange()
    {
        var data = Slice();
        var split = ChallengeSplit.Build(data.PlaylistInfo, data.Tracks.Count, 2, 1);
        var candidates = new[] { "popularity", "playlist-knn" }.Select(n =>
        {
            var (trainer, parameters) = TrainerFactory.CreateAny(n);
            return new ModelCandidate(n, trainer, parameters);
        }).ToList();

        var results = ChallengeRunner.Run(split, data, candidates);

        Assert.Equal(2, results.Count);
        foreach (var r in results)
        {
            Assert.Equal(10, r.Categories.Count);
            Assert.Equal(20, r.Overall.Playlists);
            Assert.InRange(r.Overall.RPrecision, 0, 1);
            Assert.InRange(r.Overall.Ndcg, 0, 1);
            Assert.InRange(r.Overall.Clicks, 0, 51);
        }
        // Title only: every model gets the same title fill, and the same-title playlists share tracks, so it scores.
        Assert.Equal(results[0].Categories[0].RPrecision, results[1].Categories[0].RPrecision, 12);
        Assert.True(results[0].Categories[0].Ndcg > 0);
        // Playlists share tracks with the five other playlists of their title: playlist-kNN (Dice neighbours) beats popularity.
        Assert.True(results[1].Overall.Ndcg > results[0].Overall.Ndcg);
    }

    [Fact]
    public void HideFirst_HidesOnlyTheFirstTrack()
    {
        var data = Slice();
        var sut = HideFirstSplit.Build(data.PlaylistInfo, data.Tracks.Count, 10, 3);

        Assert.Equal(10, sut.Tests.Count);
        foreach (var test in sut.Tests)
        {
            var tracks = data.PlaylistInfo.Tracks[test.Playlist].ToArray();
            Assert.Equal([tracks[0]], test.Withheld);
            Assert.Equal(tracks.Distinct().Count() - 1, sut.Train.RowLength(test.Playlist));
        }
    }

    [Fact]
    public void Holdout_MpdSlice_TrainsEveryModelOnPlaylistsAsUsers()
    {
        var data = Slice();
        var protocol = ProtocolPreparer.Prepare(data, ProtocolOptions.Parse("holdout"));

        Assert.Equal(60, protocol.Train.UserCount);
        Assert.Equal(data.PlaylistInfo.Tracks.Values.Length, protocol.Train.Interactions.NonZeros + (int)protocol.Statistics["held-out-pairs"]);
        var run = new EvaluationPipeline(PipelineFixtures.Settings(10)).Run(protocol, [PipelineFixtures.Popularity()]).Single();
        Assert.Equal(60, run.Users.Length);
    }

    [Fact]
    public void Build_NoPlaylists_SaysSo()
    {
        var ex = Assert.Throws<ArgumentException>(() => ChallengeSplit.Build(PlaylistTable.Empty, 5, 10, 1));

        Assert.Contains("no playlists", ex.Message, StringComparison.Ordinal);
    }
}

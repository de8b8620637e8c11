using System.Globalization;
using System.Text;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Evaluation.Protocols.SixCandidate;
using Encore.Tests.Shared;

namespace Encore.Cli.Tests;

/// <summary>
/// The six-candidate protocol on IUM snapshots (tracks -> artists -> genres, no albums, no explicit ratings):
/// ratings derived from interaction totals, the album level reported as missing. Hand-made fixture: 8 artists
/// x 10 tracks, artist a tagged with genres g(a mod 4) and g((a+1) mod 4); each of 40 users plays the 10 tracks
/// of one loved artist 3..12 times (and likes them), the 20 tracks of the next two artists once, and skips two
/// tracks of a third.
/// </summary>
[Collection("console")]
public sealed class SixCandidateIumTests() : TempFolderTest("encore-s4-ium-")
{
    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private string WriteIum()
    {
        var folder = Path.Combine(Dir, "ium");
        Directory.CreateDirectory(folder);
        var users = new StringBuilder();
        for (var u = 0; u < 40; u++) users.Append(I($$"""{"user_id": {{100 + u}}, "name": "U{{u}}", "city": "Kraków", "street": "x", "favourite_genres": ["g0"], "premium_user": false}""")).Append('\n');
        File.WriteAllText(Path.Combine(folder, "users.jsonl"), users.ToString());
        var artists = new StringBuilder();
        for (var a = 0; a < 8; a++) artists.Append(I($$"""{"id": "a{{a}}", "name": "Artist {{a}}", "genres": ["g{{a % 4}}", "g{{(a + 1) % 4}}"]}""")).Append('\n');
        File.WriteAllText(Path.Combine(folder, "artists.jsonl"), artists.ToString());
        var tracks = new StringBuilder();
        for (var t = 0; t < 80; t++) tracks.Append(I($$"""{"id": "t{{t}}", "name": "Track {{t}}", "id_artist": "a{{t / 10}}", "release_date": "2015"}""")).Append('\n');
        File.WriteAllText(Path.Combine(folder, "tracks.jsonl"), tracks.ToString());
        var sessions = new StringBuilder();
        var time = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        void Event(int user, int track, string kind)
        {
            time = time.AddMinutes(3);
            sessions.Append(I($$"""{"timestamp": "{{time:yyyy-MM-ddTHH:mm:ss}}", "user_id": {{100 + user}}, "track_id": "t{{track}}", "event_type": "{{kind}}", "session_id": {{user}}}""")).Append('\n');
        }
        for (var u = 0; u < 40; u++)
        {
            var loved = u % 8;
            for (var k = 0; k < 10; k++)
            {
                for (var p = 0; p < 2 + k; p++) Event(u, 10 * loved + k, "play");
                Event(u, 10 * loved + k, "like");
            }
            for (var k = 0; k < 20; k++) Event(u, 10 * ((loved + 1 + k / 10) % 8) + k % 10, "play");
            Event(u, 10 * ((loved + 3) % 8), "skip");
            Event(u, 10 * ((loved + 3) % 8) + 1, "skip");
        }
        File.WriteAllText(Path.Combine(folder, "sessions.jsonl"), sessions.ToString());
        return folder;
    }

    [Fact]
    public async Task ImportThenEvaluate_IumFixture_DerivesRatingsAndReportsTheAlbumLevelMissing()
    {
        var dataset = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "ium", WriteIum(), "-o", dataset, "--strict"]));
        var data = DatasetSnapshot.Read(dataset);
        Assert.Equal(0, data.Ratings.Count);

        // User 100 loves artist 0: tracks t0..t9 total 3..12, t10..t29 total 1 (30 positive pairs), t30 / t31 skipped only.
        var derived = DerivedRatings.FromInteractions(data);
        var user = data.Users.TryGetIndex("100", out var u) ? u : throw new InvalidOperationException("user 100 missing");
        float Rating(string track)
        {
            var t = data.Tracks.TryGetIndex(track, out var i) ? i : -1;
            for (var r = 0; r < derived.Count; r++)
                if (derived.Users[r] == user && derived.Targets[r] == t) return derived.Values[r];
            return float.NaN;
        }
        Assert.All(Enumerable.Range(0, derived.Count), r => Assert.Equal(EntityLevel.Track, derived.Levels[r]));
        Assert.Equal(100, Rating("t9"));                      // rank 30 of 30
        Assert.Equal(70, Rating("t0"));                       // rank 21 of 30
        Assert.Equal(MathF.Round(100 * 10.5f / 30), Rating("t10")); // 20 ties share mid-rank 10.5
        Assert.Equal(0, Rating("t30"));                       // skipped only
        Assert.True(float.IsNaN(Rating("t40")));              // never touched: not rated

        var store = Path.Combine(Dir, "runs.db");
        string[] fast = ["--set", "classifiers.trees=5", "--set", "classifiers.min-per-leaf=2", "--set", "als.factors=4", "--set", "als.iterations=2", "--store", store];
        var (code, output, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--models", "weighted,adaptive,learned-fallback,logistic,ensemble", "--markdown", .. fast]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains(DerivedRatings.Description, output, StringComparison.Ordinal);
        Assert.Contains("levels missing from this catalogue (reported as missing, never imputed): album", output, StringComparison.Ordinal);
        Assert.DoesNotContain("album, genre", output, StringComparison.Ordinal); // genres come from the artists
        Assert.Contains("| missing |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(sibling)", output, StringComparison.Ordinal);
        Assert.Contains("| learned-fallback |", output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.BadData, (await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--set", "protocol.ratings=explicit", .. fast])).Code);
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--set", "protocol.ratings=stars", "--store", store]));
    }

    [SharedDataFact]
    public async Task ImportThenEvaluate_Ium2023_RunsTheS4StrategiesOnDerivedRatings()
    {
        var dataset = Path.Combine(Dir, "ium2023");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "ium", SharedData.Path("ium-pozytywka-2023-v2"), "-o", dataset]));
        var (code, output, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate",
            "--models", "max-genre,weighted,weighted+bayes+siblings,adaptive,learned-fallback", "--markdown", "--store", Path.Combine(Dir, "runs.db")]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains(DerivedRatings.Description, output, StringComparison.Ordinal);
        Assert.Contains("never imputed): album", output, StringComparison.Ordinal);
        Assert.Contains("| learned-fallback |", output, StringComparison.Ordinal);
    }
}

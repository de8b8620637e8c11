using System.Globalization;
using System.Text;
using Encore.Data.Snapshots;

namespace Encore.Cli.Tests;

/// <summary>
/// KDD Cup 2011 track 2 fixtures written by hand (block headers, <c>None</c> links, variable genre lists, a
/// labelled six-candidate test file), imported and evaluated under the six-candidate protocol from the CLI.
/// 6 artists x 2 albums x 5 tracks; each of 30 users loves one artist (rates it 90 and seven of its tracks
/// 80..98) and dislikes another (20, and two of its tracks low). Tracks 10a+9 have no album.
/// </summary>
[Collection("console")]
public sealed class SixCandidateCommandTests() : TempFolderTest("encore-s4-")
{
    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private string WriteKdd(bool withTest = true)
    {
        var folder = Path.Combine(Dir, "kdd");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "genreData2.txt"), "900\n901\n902\n903\n");
        File.WriteAllText(Path.Combine(folder, "artistData2.txt"), string.Concat(Enumerable.Range(0, 6).Select(a => I($"{1000 + a}\n"))));
        var albums = new StringBuilder();
        for (var b = 0; b < 12; b++) albums.Append(b == 11 ? "2011|None\n" : I($"{2000 + b}|{1000 + b / 2}|{900 + b % 4}\n"));
        File.WriteAllText(Path.Combine(folder, "albumData2.txt"), albums.ToString());
        var tracks = new StringBuilder();
        for (var t = 0; t < 60; t++)
        {
            var album = t % 10 == 9 ? "None" : I($"{2000 + t / 5}");
            var genres = t % 2 == 0 ? I($"|{900 + t % 4}|{900 + (t + 1) % 4}") : t % 3 == 0 ? "" : I($"|{900 + t % 4}");
            tracks.Append(I($"{3000 + t}|{album}|{1000 + t / 10}{genres}\n"));
        }
        File.WriteAllText(Path.Combine(folder, "trackData2.txt"), tracks.ToString());
        var train = new StringBuilder();
        var test = new StringBuilder();
        for (var u = 0; u < 30; u++)
        {
            var (loved, disliked, other) = (u % 6, (u + 3) % 6, (u + 2) % 6);
            var lines = new List<string> { I($"{1000 + loved}\t90"), I($"{1000 + disliked}\t20"), I($"{900 + u % 4}\t70") };
            for (var k = 0; k < 7; k++) lines.Add(I($"{3000 + 10 * loved + k}\t{80 + (u + k) % 19}"));
            lines.Add(I($"{3000 + 10 * disliked}\t10"));
            lines.Add(I($"{3000 + 10 * disliked + 1}\t30"));
            train.Append(I($"{50 + u}|{lines.Count}\n")).Append(string.Join("\n", lines)).Append('\n');
            if (u >= 12) continue;
            test.Append(I($"{50 + u}|6\n"));
            foreach (var k in new[] { 7, 8, 9 }) test.Append(I($"{3000 + 10 * loved + k}\t1\n")).Append(I($"{3000 + 10 * other + k - 7}\t0\n"));
        }
        File.WriteAllText(Path.Combine(folder, "trainIdx2.txt"), train.ToString());
        if (withTest) File.WriteAllText(Path.Combine(folder, "testIdx2.txt"), test.ToString());
        return folder;
    }

    [Fact]
    public async Task ImportThenEvaluate_KddFixtures_RunEveryS4ModelOnGivenAndDrawnLists()
    {
        var dataset = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "kddcup", WriteKdd(), "-o", dataset, "--strict"]));
        var data = DatasetSnapshot.Read(dataset);
        Assert.Equal(72, data.Candidates.Count);
        Assert.Equal(36, data.Candidates.Labels.Count(l => l == 1));
        var store = Path.Combine(Dir, "runs.db");
        string[] fast = ["--set", "classifiers.trees=5", "--set", "classifiers.min-per-leaf=2", "--set", "als.factors=4", "--set", "als.iterations=2", "--store", store];

        var (code, output, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate:given", "--markdown", "--explain", "50", .. fast]);
        Assert.True(code == ExitCodes.Ok, error);
        foreach (var model in new[] { "max-genre", "weighted", "weighted+bayes+siblings", "adaptive", "adaptive-strict", "learned-fallback", "als-flat", "als-blend-rank", "logistic", "decision-tree", "random-forest", "boosted-trees", "lightgbm", "ensemble" })
            Assert.Contains($"| {model} |", output, StringComparison.Ordinal);
        Assert.Contains("12 test users, 72 candidates", output, StringComparison.Ordinal);
        Assert.Contains("S4 climb", output, StringComparison.Ordinal);
        Assert.Contains("feature importances", output, StringComparison.Ordinal);
        Assert.Contains("explained: test list of user 50", output, StringComparison.Ordinal);
        Assert.Contains("| missing |", output, StringComparison.Ordinal); // track 3009 has no album
        Assert.Contains("training lightgbm on", error, StringComparison.Ordinal);
        Assert.Contains("prior confidence", error, StringComparison.Ordinal);
        Assert.Contains("| weighted+bayes+siblings | adaptive-strict |", output, StringComparison.Ordinal);

        (code, output, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--models", "weighted,adaptive,random-forest,ensemble", "--markdown", .. fast]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("six-candidate threshold 80", output, StringComparison.Ordinal);
        Assert.Contains("random-forest", output, StringComparison.Ordinal);
        Assert.DoesNotContain("als-blend-rank", output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--models", "weighted,nope", "--store", store]));
        Assert.Equal(ExitCodes.Usage, await EncoreCli.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--set", "protocol.nope=1", "--store", store]));
        (code, _, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate", "--set", "hierarchy.prior-confidence=1.5", "--store", store]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("hierarchy.prior-confidence expects validated or a number in [0, 1]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainHierarchy_KddFixtures_RecommendsScoresAndExplainsFromTheModelFile()
    {
        var dataset = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "kddcup", WriteKdd(), "-o", dataset, "--strict"]));
        var model = Path.Combine(Dir, "h.bin");
        string[] fast = ["--set", "als-factors=4", "--set", "als-iterations=2", "--set", "trees=5", "--set", "minimum-per-leaf=2", "--set", "leaves=4"];

        var (code, output, error) = await ConsoleCapture.RunAsync(["train", dataset, "--model", "hierarchy", "-o", model, .. fast]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("predictor ensemble", output, StringComparison.Ordinal);
        Assert.Contains("validation lists", output, StringComparison.Ordinal);
        Assert.Contains("ensemble weights: adaptive", output, StringComparison.Ordinal);
        Assert.Contains("prior confidence chosen on", output, StringComparison.Ordinal);

        (code, output, error) = await ConsoleCapture.RunAsync(["recommend", model, "--user", "50", "-k", "3"]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("path: model", output, StringComparison.Ordinal);

        // User 50 loves artist 1000 (tracks 3000..3009) and dislikes 1003: an unseen track of each, plus one with no album.
        (code, output, error) = await ConsoleCapture.RunAsync(["score", model, "--user", "50", "--tracks", "3008,3031,3009,3040", "--explain", "--markdown"]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("| album_score |", output, StringComparison.Ordinal);
        Assert.Contains("(user)", output, StringComparison.Ordinal);
        Assert.Contains("(missing)", output, StringComparison.Ordinal); // 3009 has no album
        Assert.Contains("| lightgbm |", output, StringComparison.Ordinal);

        (code, _, error) = await ConsoleCapture.RunAsync(["train", dataset, "--model", "hierarchy", "-o", model, "--set", "predictor=weighted-bayes-siblings"]);
        Assert.True(code == ExitCodes.Ok, error);
        (code, _, error) = await ConsoleCapture.RunAsync(["score", model, "--user", "nobody", "--tracks", "3008"]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("not in the model", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_UnlabelledOrMissingLists_ExitsWithDataError()
    {
        var folder = WriteKdd(withTest: false);
        File.WriteAllText(Path.Combine(folder, "testIdx2.txt"), "50|6\n3007\n3008\n3009\n3020\n3021\n3022\n");
        var dataset = Path.Combine(Dir, "ds");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "kddcup", folder, "-o", dataset]));
        var (code, _, error) = await ConsoleCapture.RunAsync(["evaluate", dataset, "--protocol", "six-candidate:given", "--store", Path.Combine(Dir, "r.db")]);
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("unlabelled", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportKddCup_WithoutTrackAndTrainFiles_NamesThemAndExitsWithDataError()
    {
        var folder = Path.Combine(Dir, "partial");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "genreData2.txt"), "900\n");
        File.WriteAllText(Path.Combine(folder, "testIdx2.txt"), "50|1\n3000\n");
        foreach (var mode in new[] { "--strict", "--lenient" })
        {
            var args = mode == "--strict" ? new[] { "import", "kddcup", folder, "-o", Path.Combine(Dir, "out"), "--strict" } : ["import", "kddcup", folder, "-o", Path.Combine(Dir, "out")];
            var (code, _, error) = await ConsoleCapture.RunAsync(args);
            Assert.Equal(ExitCodes.BadData, code);
            Assert.Contains("trackData2.txt", error, StringComparison.Ordinal);
            Assert.Contains("trainIdx2.txt or trainItem2.txt", error, StringComparison.Ordinal);
        }
    }
}

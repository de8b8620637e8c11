using System.Globalization;
using System.Text.RegularExpressions;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Session 14's newcomer trial: models run as they come scored below the popularity list on some kinds of data
/// (bench/results/defaults-s14.md, defaults-s15.md). On a small generated table of that kind, each as it comes must now
/// beat or tie popularity, and say what it chose from the data.
/// </summary>
[Collection("console")]
public sealed partial class DefaultsAgainstPopularityTests() : TempFolderTest("encore-defaults-pop-")
{
    // user,item table: 300 users with perUser tracks each out of 1,000, drawn from a Zipf popularity (weight 1 / (rank + 1)),
    // 80% of them from the user's own quarter of the tracks (group = user mod 4). Thin rows (10 pairs: a mean row's
    // confidence mass 10) and many rare tracks, as piki and the sparse binary table of defaults-s14.md.
    private async Task<string> ZipfGroupTableAsync(int perUser = 10)
    {
        var rng = new Random(7);
        var weights = Enumerable.Range(0, 1000).Select(i => 1.0 / (i + 1)).ToArray();
        var lines = new List<string> { "user,item" };
        for (var u = 0; u < 300; u++)
        {
            var chosen = new HashSet<int>();
            while (chosen.Count < perUser)
            {
                var own = rng.NextDouble() < 0.8;
                chosen.Add(Draw(weights, own ? u % 4 : -1, rng));
            }
            lines.AddRange(chosen.Select(i => $"u{u},t{i}"));
        }
        var csv = Path.Combine(Dir, $"plays{perUser}.csv");
        await File.WriteAllLinesAsync(csv, lines);
        var dataset = Path.Combine(Dir, $"ds{perUser}");
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync("import", "table", csv, "-o", dataset, "--set", "user=user", "--set", "item=item")).Code);
        return dataset;
    }

    // A track drawn by weight, from the group's quarter (track mod 4 = group) or from all tracks (group -1).
    private static int Draw(double[] weights, int group, Random rng)
    {
        double total = 0;
        for (var i = 0; i < weights.Length; i++) if (group < 0 || i % 4 == group) total += weights[i];
        var target = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if (group >= 0 && i % 4 != group) continue;
            target -= weights[i];
            if (target <= 0) return i;
        }
        return group < 0 ? weights.Length - 1 : weights.Length - 4 + group;
    }

    /// <summary>
    /// <c>encore evaluate ds --models popularity,rp3beta,als</c>: rp3beta's fixed beta 0.5 lifted one-listener tracks
    /// and ALS's fixed penalty 20 outweighed rows of 10 pairs; as they come they now beat popularity and print their choice.
    /// </summary>
    [Fact]
    public async Task Evaluate_Rp3BetaAndAlsAsTheyCome_BeatPopularityAndSayWhatTheyChose()
    {
        var dataset = await ZipfGroupTableAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity,rp3beta,als", "--k", "10", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        var popularity = Ndcg(error, "popularity");
        Assert.True(Ndcg(error, "rp3beta") >= popularity, error);
        Assert.True(Ndcg(error, "als") >= popularity, error);
        Assert.Contains("rp3beta: beta ", error, StringComparison.Ordinal);
        Assert.Matches(@"als: regularization [0-9.]+ chosen from the data: a mean user row carries confidence mass", error);
    }

    /// <summary>
    /// <c>encore evaluate ds --models popularity,bpr,wmf</c> on rows of 5 pairs (piki's kind): BPR's 100 epochs with popularity
    /// negatives and WMF's fixed penalty 0.01 scored below popularity (0.137 and 0.052 against 0.186 on the awk twin of this
    /// table, bench/results/defaults-s16.md); as they come they now beat it and print their choices.
    /// </summary>
    [Fact]
    public async Task Evaluate_BprAndWmfAsTheyComeOnThinRows_BeatPopularityAndSayWhatTheyChose()
    {
        var dataset = await ZipfGroupTableAsync(perUser: 5);

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity,bpr,wmf", "--k", "10", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        var popularity = Ndcg(error, "popularity");
        Assert.True(Ndcg(error, "bpr") >= popularity, error);
        Assert.True(Ndcg(error, "wmf") >= popularity, error);
        Assert.Contains("bpr: negatives uniform chosen from the data: a mean user row holds", error, StringComparison.Ordinal);
        Assert.Matches(@"bpr: iterations [0-9]+ chosen from the data", error);
        Assert.Matches(@"wmf: regularization [0-9.]+ chosen from the data: the mean confidence weight", error);
    }

    /// <summary>
    /// The S1 group protocol (<c>--groups</c>) keeps S1's WMF as its author set it (lambda 0.01) unless the caller sets lambda;
    /// plain <c>evaluate</c> chooses it from the data.
    /// </summary>
    [Fact]
    public async Task Evaluate_WmfUnderTheGroupProtocol_KeepsTheAuthorsPenaltyAndSaysSo()
    {
        var dataset = await ZipfGroupTableAsync(perUser: 5);
        string[] wmf = ["evaluate", dataset, "--models", "wmf", "--set", "wmf.iterations=2", "--store", Path.Combine(Dir, "runs.db")];

        var groups = await ConsoleCapture.RunAsync([.. wmf, "--groups", "--group-counts", "10"]);
        var plain = await ConsoleCapture.RunAsync(wmf);
        var given = await ConsoleCapture.RunAsync([.. wmf, "--groups", "--group-counts", "10", "--set", "wmf.regularization=5"]);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok), (groups.Code, plain.Code, given.Code));
        Assert.Contains("wmf: regularization 0.01: the S1 author's setting, kept for the S1 group protocol", groups.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wmf: regularization 0.01", plain.Error, StringComparison.Ordinal);
        Assert.Matches(@"wmf: regularization [0-9.]+ chosen from the data", plain.Error);
        Assert.DoesNotContain("wmf: regularization", given.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"wmf: regularization [0-9.]+ chosen from the data", groups.Error + given.Error);
    }

    /// <summary><c>encore evaluate ds --models hierarchy</c> on a plain table gave a near-popularity list without a word.</summary>
    [Fact]
    public async Task Evaluate_HierarchyOnAPlainTable_SaysTheLevelsAreMissing()
    {
        var dataset = await ZipfGroupTableAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", dataset, "--models", "popularity,hierarchy", "--k", "10", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("hierarchy: note: no album, artist or genre links reach it", error, StringComparison.Ordinal);
        Assert.Contains("use item-knn, rp3beta or als", error, StringComparison.Ordinal);
    }

    private static double Ndcg(string log, string model)
    {
        var match = Regex.Match(log, $@"^{Regex.Escape(model)}: fit .* ndcg@10 ([0-9.]+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no ndcg@10 line for {model}:\n{log}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using System.Text;

namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Faults a newcomer met in session 13 running the source systems S1-S5 and the evaluation tools the way their docs
/// say (the command that showed each is in its test's summary): each now exits with the documented code and a
/// message that names what was wrong and what was expected.
/// </summary>
[Collection("console")]
public sealed class SourceSystemFaultTests() : TempFolderTest("encore-s13-")
{
    /// <summary>A synthetic world of <paramref name="preset"/> (tiny, hierarchy) in the test folder; returns its path.</summary>
    private async Task<string> SynthAsync(string preset)
    {
        var world = Path.Combine(Dir, preset);
        var (code, _, error) = await ConsoleCapture.RunAsync("synth", "-o", world, "--preset", preset);
        Assert.True(code == ExitCodes.Ok, error);
        return world;
    }

    /// <summary>A HetRec-shaped folder (events about artists, no tracks): 6 users x 8 artists, weight u * a.</summary>
    private async Task<string> ImportArtistDatasetAsync()
    {
        var folder = Path.Combine(Dir, "hetrec");
        Directory.CreateDirectory(folder);
        var plays = new StringBuilder("userID\tartistID\tweight\n");
        for (var u = 1; u <= 6; u++)
            for (var a = 1; a <= 8; a++) plays.Append(CultureInfo.InvariantCulture, $"{u}\t{a}\t{u * a}\n");
        File.WriteAllText(Path.Combine(folder, "user_artists.dat"), plays.ToString());
        File.WriteAllText(Path.Combine(folder, "artists.dat"), "id\tname\turl\tpictureURL\n1\tA\tu\tp\n");
        var output = Path.Combine(Dir, "hetrec-ds");
        var (code, _, error) = await ConsoleCapture.RunAsync("import", "hetrec", folder, "-o", output);
        Assert.True(code == ExitCodes.Ok, error);
        return output;
    }

    /// <summary>
    /// <c>encore evaluate data/hetrec --protocol six-candidate</c> and <c>encore train data/hetrec --model hierarchy</c>
    /// said "column 45 is outside [0, 0)" (artist indices read as track indices) with exit 1.
    /// </summary>
    [Theory]
    [InlineData("evaluate", "--protocol", "six-candidate")]
    [InlineData("train", "--model", "hierarchy")]
    public async Task SixCandidate_DatasetOfArtistEvents_SaysTheEventsAreAboutArtists(string command, string option, string value)
    {
        var dataset = await ImportArtistDatasetAsync();
        string[] output = command == "train" ? ["-o", Path.Combine(Dir, "h.bin")] : ["--store", Path.Combine(Dir, "runs.db")];

        var (code, _, error) = await ConsoleCapture.RunAsync([command, dataset, option, value, .. output]);

        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("field 'events'", error, StringComparison.Ordinal);
        Assert.Contains("about artists, not tracks", error, StringComparison.Ordinal);
        Assert.DoesNotContain("outside [0", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore evaluate data --seed -1</c> said "Cannot parse argument '-1' for option '--seed' as expected type
    /// 'System.UInt64'" and printed the whole help; <c>runs list --last abc</c> named 'System.Nullable`1[System.Int32]'.
    /// </summary>
    [Theory]
    [InlineData("--seed expects a whole number from 0 to 18446744073709551615; got '-1'.", "encore evaluate", "evaluate", "data", "--seed", "-1")]
    [InlineData("--seed expects a whole number from 0 to 18446744073709551615; got '99999999999999999999999'.", "encore evaluate", "evaluate", "data", "--seed", "99999999999999999999999")]
    [InlineData("--last expects a whole number (up to 2147483647); got 'abc'.", "encore runs list", "runs", "list", "--last", "abc")]
    [InlineData("--noise expects a number such as 0.5; got 'x'.", "encore bandits simulate", "bandits", "simulate", "--noise", "x")]
    [InlineData("--k expects a whole number (up to 2147483647); got 'ten'.", "encore recommend", "recommend", "m.bin", "--user", "u1", "-k", "ten")]
    public async Task ParseError_BadNumber_SaysWhatTheOptionExpectsWithoutTypeNamesOrHelp(string expected, string command, params string[] args)
    {
        var (code, output, error) = await ConsoleCapture.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("error: " + expected, error, StringComparison.Ordinal);
        Assert.Contains($"see '{command} --help'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore runs list --store typo.db</c> (and runs show / compare, report) created an empty store, and its folder,
    /// and printed "0 runs" as if the store were empty; a run id that is not there did not say which store was read.
    /// </summary>
    [Theory]
    [InlineData("runs", "list")]
    [InlineData("runs", "show", "r1")]
    [InlineData("runs", "compare", "r1", "r2")]
    [InlineData("report", "r1", "-o", "report.html")]
    public async Task ReadingCommand_StoreThatDoesNotExist_RefusesAndCreatesNothing(params string[] args)
    {
        var store = Path.Combine(Dir, "nowhere", "typo.db");

        var (code, _, error) = await ConsoleCapture.RunAsync([.. args, "--store", store]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"run store {store} does not exist", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Dir, "nowhere")));
    }

    /// <summary>Records one bandit-simulation run in a store that is not the default one; returns the store's path and the printed text.</summary>
    private async Task<(string Store, string Output)> SimulateAsync()
    {
        var store = Path.Combine(Dir, "elsewhere.db");
        var (code, output, error) = await ConsoleCapture.RunAsync("bandits", "simulate", "--preset", "tiny", "--rounds", "20", "--seeds", "1", "--policies", "random", "--store", store);
        Assert.True(code == ExitCodes.Ok, error);
        return (store, output);
    }

    /// <summary>
    /// <c>encore bandits simulate --store b.db</c> ended "plot them with `encore report &lt;run-id...&gt;`", which reads
    /// encore.db and then said "no run with id ... in the store" without naming the store it read.
    /// </summary>
    [Fact]
    public async Task BanditsSimulate_OtherStore_HintNamesItAndMissingRunNamesTheStore()
    {
        var (store, output) = await SimulateAsync();

        Assert.Contains($"`encore report <run-id...> --store {store}`", output, StringComparison.Ordinal);
        var (code, _, error) = await ConsoleCapture.RunAsync("runs", "show", "r-nosuch", "--store", store);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"no run with id 'r-nosuch' in {store}", error, StringComparison.Ordinal);
    }

    /// <summary><c>encore runs list --last -1</c> listed every run and <c>--last 0</c> none; both are usage errors now.</summary>
    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    public async Task RunsList_LastBelowOne_ExitsUsage(string last)
    {
        var (store, _) = await SimulateAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("runs", "list", "--last", last, "--store", store);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"--last expects a number of runs of at least 1, got {last}.", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore runs list --kind bandit</c> printed an empty table (the help listed only evaluate, sweep, group); it now
    /// says which kinds the store holds, and the help lists every kind.
    /// </summary>
    [Fact]
    public async Task RunsList_KindThatMatchesNothing_SaysWhichKindsTheStoreHolds()
    {
        var (store, _) = await SimulateAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("runs", "list", "--kind", "bandit", "--store", store);
        var (_, help, _) = await ConsoleCapture.RunAsync("runs", "list", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("no run matches", error, StringComparison.Ordinal);
        Assert.Contains("kinds bandit-simulation", error, StringComparison.Ordinal);
        Assert.Contains("bandit-replay", help, StringComparison.Ordinal);
        Assert.Contains("tune", help, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore evaluate world --protocol playlist-challenge --per-user pu.csv</c> exited 0 without writing pu.csv;
    /// <c>--groups</c>, <c>--k</c>, <c>--on validation</c> and <c>--sampled</c> were ignored the same way by the playlist
    /// and six-candidate protocols, and <c>--explain</c> by every other protocol. They are refused before any data is read.
    /// </summary>
    [Theory]
    [InlineData("playlist-challenge", "--per-user", "--per-user", "pu.csv")]
    [InlineData("playlist-hide-first", "--groups", "--groups")]
    [InlineData("sampled-negatives", "--on", "--on", "validation")]
    [InlineData("six-candidate", "--k", "--k", "5")]
    [InlineData("six-candidate", "--sampled", "--sampled", "10")]
    [InlineData("six-candidate", "--format csv|json", "--format", "csv")]
    [InlineData("holdout", "--explain", "--explain", "u1")]
    [InlineData("holdout", "--group-model", "--group-model", "popularity")]
    public async Task Evaluate_OptionTheProtocolDoesNotRead_ExitsUsageNamingIt(string protocol, string named, params string[] option)
    {
        // The dataset does not exist: the check comes before any data is read.
        var (code, _, error) = await ConsoleCapture.RunAsync(["evaluate", Path.Combine(Dir, "no-data"), "--protocol", protocol, .. option, "--store", Path.Combine(Dir, "runs.db")]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"error: {named} does not apply to", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "pu.csv")));
    }

    /// <summary><c>--format markdown</c> with six-candidate printed text tables (only <c>--markdown</c> was read).</summary>
    [Fact]
    public async Task Evaluate_SixCandidateFormatMarkdown_PrintsMarkdown()
    {
        var world = await SynthAsync("hierarchy");

        var (code, output, error) = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "six-candidate", "--models", "weighted", "--format", "markdown", "--store", Path.Combine(Dir, "runs.db"));

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("| rank |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("┌", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore train world --model popularity -o results/</c> (an existing folder) trained, then failed with
    /// "Is a directory : '...'" and exit 4; report -o, tune -o and evaluate --per-user did the same. Now exit 1 first.
    /// </summary>
    [Theory]
    [InlineData("train", "{world}", "--model", "popularity", "-o", "{folder}")]
    [InlineData("tune", "{world}", "--model", "popularity", "--budget", "1", "-o", "{folder}", "--store", "{store}")]
    [InlineData("evaluate", "{world}", "--models", "popularity", "--per-user", "{folder}", "--store", "{store}")]
    [InlineData("report", "r1", "-o", "{folder}", "--store", "{store}")]
    public async Task Output_ExistingFolder_ExitsUsageBeforeTheWork(params string[] template)
    {
        var folder = Path.Combine(Dir, "results");
        Directory.CreateDirectory(folder);
        var args = template.Select(a => a.Replace("{world}", Path.Combine(Dir, "no-world"), StringComparison.Ordinal)
            .Replace("{folder}", folder, StringComparison.Ordinal).Replace("{store}", Path.Combine(Dir, "runs.db"), StringComparison.Ordinal));

        // The dataset (and the store) do not exist: the folder is refused before either is read.
        var (code, _, error) = await ConsoleCapture.RunAsync([.. args]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"{folder} is a folder; name the file to write", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    /// <summary>
    /// <c>encore evaluate data --metric nosuch</c> trained every model, then printed an unsorted leaderboard and "no paired
    /// comparison"; <c>sweep --metric ndcg@7</c> failed after the first fit. Both now exit 1 before the data is read.
    /// </summary>
    [Theory]
    [InlineData("evaluate", "--models", "popularity", "--metric", "nosuch")]
    [InlineData("evaluate", "--models", "popularity", "--metric", "ndcg@7")]
    [InlineData("sweep", "--model", "als", "--grid", "factors=4,8", "--metric", "ndcg@7")]
    [InlineData("tune", "--model", "als", "--budget", "1", "--metric", "recal@10")]
    public async Task Metric_NotMeasured_ExitsUsageBeforeTheData(string command, params string[] args)
    {
        var (code, _, error) = await ConsoleCapture.RunAsync([command, Path.Combine(Dir, "no-data"), .. args, "--store", Path.Combine(Dir, "runs.db")]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("is not measured: use one of ndcg, precision, recall", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore tune world --model popularity --metric ndcg@5</c> failed after its first trial ("'ndcg@5' is not
    /// measured": tune measured only k = 10); <c>evaluate --k 3</c> (docs/ratings.md) ranked by an ndcg@10 it never
    /// measured and printed no paired comparison.
    /// </summary>
    [Fact]
    public async Task Metric_AtAnotherCutOff_TuneMeasuresItAndEvaluateFollowsK()
    {
        var world = await SynthAsync("tiny");
        var store = Path.Combine(Dir, "runs.db");

        var (tuneCode, _, tuneError) = await ConsoleCapture.RunAsync("tune", world, "--model", "popularity", "--budget", "1", "--recheck", "0",
            "--metric", "ndcg@5", "-o", Path.Combine(Dir, "tuned.ini"), "--store", store);
        var (code, output, error) = await ConsoleCapture.RunAsync("evaluate", world, "--models", "popularity,item-knn", "--k", "3", "--markdown", "--store", store);

        Assert.True(tuneCode == ExitCodes.Ok, tuneError);
        Assert.Contains("popularity: ndcg@5", File.ReadAllText(Path.Combine(Dir, "tuned.ini")), StringComparison.Ordinal);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("paired comparison on ndcg@3", output, StringComparison.Ordinal);
    }

    /// <summary><c>encore report r1 --metric nosuch</c> wrote a report ranked by nothing; it now names what the runs measured.</summary>
    [Fact]
    public async Task Report_MetricNoRunMeasured_ExitsUsageListingTheirs()
    {
        var (store, output) = await SimulateAsync();
        var id = output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith('r') && l.Contains("random", StringComparison.Ordinal)).Split(' ')[0];

        var (code, _, error) = await ConsoleCapture.RunAsync("report", id, "--metric", "nosuch", "-o", Path.Combine(Dir, "r.html"), "--store", store);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--metric 'nosuch' is in none of the 1 runs; they measured", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "r.html")));
    }

    /// <summary>
    /// Out-of-range values were reported by the C# property or parameter they set, not by the option typed:
    /// <c>bandits simulate --rounds 0</c> said "Rounds must be > 0", <c>--curve-every 0</c> "request.Every ('0') must be
    /// greater than or equal to '1'", six-candidate's <c>--set protocol.validation-users=0</c> "ValidationUsers must be > 0",
    /// <c>check-pattern --components -1</c> "components ('-1') must be a non-negative value", <c>sweep --random 0</c>
    /// "count ('0') must be a non-negative and non-zero value", <c>evaluate --set protocol.test-fraction=1.5</c> "testFraction must be in [0, 1]".
    /// </summary>
    [Theory]
    [InlineData("--rounds must be > 0 (got 0)", "bandits", "simulate", "--preset", "tiny", "--no-store", "--rounds", "0")]
    [InlineData("--noise must be >= 0 (got -1)", "bandits", "simulate", "--preset", "tiny", "--no-store", "--noise", "-1")]
    [InlineData("--lambda must be > 0 (got 0)", "bandits", "simulate", "--preset", "tiny", "--no-store", "--lambda", "0")]
    [InlineData("--curve-every expects a number of rounds of at least 1, got 0.", "bandits", "simulate", "--preset", "tiny", "--no-store", "--curve-every", "0")]
    [InlineData("protocol.validation-users must be > 0 (got 0)", "evaluate", "{none}", "--protocol", "six-candidate", "--set", "protocol.validation-users=0")]
    [InlineData("protocol.classifier-share must be in [0.1, 0.9] (got 1.5)", "evaluate", "{none}", "--protocol", "six-candidate", "--set", "protocol.classifier-share=1.5")]
    [InlineData("protocol.test-fraction expects a fraction from 0 up to but not including 1, got '1.5'.", "evaluate", "{none}", "--models", "popularity", "--set", "protocol.test-fraction=1.5")]
    [InlineData("--components expects a number of PCA components >= 0", "check-pattern", "{none}", "--components", "-1")]
    [InlineData("--random expects a number of settings of at least 1, got 0.", "sweep", "{none}", "--model", "als", "--grid", "factors=4,8", "--random", "0")]
    public async Task OutOfRange_NamesTheOptionTyped(string expected, params string[] args)
    {
        var (code, _, error) = await ConsoleCapture.RunAsync([.. args.Select(a => a == "{none}" ? Path.Combine(Dir, "no-data") : a)]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("error: " + expected, error, StringComparison.Ordinal);
    }

    /// <summary><c>encore check-pattern world --components 99</c> on 16-dimensional vectors printed only the full row, without saying why.</summary>
    [Fact]
    public async Task CheckPattern_ComponentsNotBelowTheDimension_SaysThereIsNoReducedRun()
    {
        var world = await SynthAsync("tiny");

        var (code, _, error) = await ConsoleCapture.RunAsync("check-pattern", world, "--components", "99");

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("note: --components 99 is not below the vectors' 16 dimensions, so there is no reduced run", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore check-pattern data/hetrec</c> said "this dataset's tracks carry no content vectors; import embeddings
    /// first", but HetRec has no tracks (its events are about artists), so importing embeddings cannot help.
    /// </summary>
    [Fact]
    public async Task CheckPattern_DatasetOfArtistEvents_SaysVectorsBelongToTracks()
    {
        var dataset = await ImportArtistDatasetAsync();

        var (code, _, error) = await ConsoleCapture.RunAsync("check-pattern", dataset);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("events are about artists, not tracks", error, StringComparison.Ordinal);
        Assert.DoesNotContain("import embeddings first", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>encore evaluate world --protocol six-candidate --explain nosuch</c> ran every model (seconds to minutes) before
    /// saying "--explain: unknown user 'nosuch'"; it now stops right after reading the dataset, recording nothing.
    /// </summary>
    [Fact]
    public async Task Evaluate_SixCandidateExplainUnknownUser_StopsBeforeAnyModelRuns()
    {
        var world = await SynthAsync("hierarchy");
        var store = Path.Combine(Dir, "runs.db");

        var (code, _, error) = await ConsoleCapture.RunAsync("evaluate", world, "--protocol", "six-candidate", "--explain", "nosuch", "--store", store);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--explain: unknown user 'nosuch'; the dataset's users are ids like 'u", error, StringComparison.Ordinal);
        Assert.DoesNotContain("training", error, StringComparison.Ordinal);
    }

    /// <summary>A command group typed alone still lists its subcommands (the plain parse errors above are for real mistakes).</summary>
    [Theory]
    [InlineData("runs")]
    [InlineData("bandits")]
    public async Task CommandGroupAlone_ListsItsSubcommands(string group)
    {
        var (code, output, _) = await ConsoleCapture.RunAsync(group);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
    }
}

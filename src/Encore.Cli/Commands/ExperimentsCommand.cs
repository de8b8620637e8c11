using System.CommandLine;
using System.Globalization;
using Encore.Cli.Output;
using Encore.Data.Synthetic;
using Encore.Online.Experiments;
using Encore.Online.Store;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore experiments replay|simulate</c>: A/B experiments offline. <c>replay</c> recomputes a recorded
/// experiment's report from the service store's served lists and events (<see cref="ExperimentReplay"/>);
/// <c>simulate</c> measures the test's power and false-positive rate over seeded repeats (<see cref="AbSimulation"/>).
/// </summary>
public static class ExperimentsCommand
{
    public static Command Create() => new("experiments", "A/B experiments offline: replay a recorded experiment from the service store, or measure the test's error rates on the synthetic world.")
    {
        Replay(),
        Simulate(),
    };

    private static Command Replay()
    {
        var name = new Argument<string>("name") { Description = "Experiment name (as created through /api/experiments)." };
        var store = new Option<string>("--store") { Description = "The service's store: a SQLite file or a postgres://user:password@host:port/database URI (default encore-service.db).", DefaultValueFactory = _ => "encore-service.db" };
        var alpha = new Option<double>("--alpha") { Description = "Family-wise level of the comparisons, in (0, 1).", DefaultValueFactory = _ => 0.05 };
        var window = new Option<double>("--window-hours") { Description = "Attribution window in hours (the service uses 24).", DefaultValueFactory = _ => ExperimentService.AttributionWindow.TotalHours };
        var markdown = new Option<bool>("--markdown") { Description = "Print the tables as GitHub Markdown." };
        var command = new Command("replay", "Recompute a recorded experiment's per-variant metrics and tests from its served lists and the stored feedback, and compare them with the counts attributed online.")
        {
            name, store, alpha, window, markdown,
        };
        command.SetAction((parse, _) => CommandRunner.RunAsync(() => Task.FromResult(RunReplay(parse.GetValue(name)!, parse.GetValue(store)!, parse.GetValue(alpha), parse.GetValue(window), parse.GetValue(markdown)))));
        return command;
    }

    internal static int RunReplay(string name, string location, double alpha, double windowHours, bool markdown)
    {
        if (!(alpha is > 0 and < 1)) throw new ArgumentException($"--alpha {alpha.ToString(CultureInfo.InvariantCulture)}: expected a level in (0, 1).");
        if (!(windowHours > 0)) throw new ArgumentException($"--window-hours {windowHours.ToString(CultureInfo.InvariantCulture)}: expected a positive number of hours.");
        if (!Encore.Evaluation.Postgres.PostgresLocation.IsPostgres(location) && !File.Exists(location))
            throw new ArgumentException($"--store {location}: no such file (the service's store; see encore serve --store).");
        using var store = OnlineStores.Open(location);
        var result = ExperimentReplay.Replay(store, name, TimeSpan.FromHours(windowHours), alpha);
        var e = result.Experiment;
        Console.WriteLine($"experiment {e.Name} ({ExperimentRepository.StateName(e.State)}{(e.PromotedVariant is { } p ? $", promoted {p}" : "")}): {result.Lists:N0} served lists, {result.EventsRead:N0} events of its users replayed from {store.Description}");
        Print(result.Replayed, $"replayed (window {windowHours.ToString("0.##", CultureInfo.InvariantCulture)} h)", markdown);
        Console.WriteLine(result.MatchesOnline
            ? "online attribution: the same counts for every variant."
            : "online attribution differs from the replay (another window, or events stored while no experiment collected):");
        if (!result.MatchesOnline) Print(result.Online, "online", markdown);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Prints a report: one row per variant, then one per comparison with the control. A rate without an interval
    /// (a variant with fewer than 2 users) shows "n/a", and a comparison without a test shows "not enough data" and why.
    /// </summary>
    internal static void Print(AbReport report, string title, bool markdown)
    {
        static string Rate(Encore.Evaluation.Statistics.RatioEstimate r) =>
            r is { Low95: { } low, High95: { } high } ? $"{Numbers.F(r.Value)} [{Numbers.F(low)}, {Numbers.F(high)}]" : $"{Numbers.F(r.Value)} [n/a]";
        var variants = new TextTable($"{report.Experiment}: {title}, per impression with 95% intervals (Wilson at the effective impressions for rates, normal clipped to the reward range for reward)",
            ["variant", "users", "impressions", "plays", "likes", "skips", "play rate", "like rate", "skip rate", "reward"]);
        foreach (var v in report.Variants)
            variants.Add([v.Variant, v.Users.ToString("N0", CultureInfo.InvariantCulture), v.Impressions.ToString("N0", CultureInfo.InvariantCulture),
                v.Plays.ToString("N0", CultureInfo.InvariantCulture), v.Likes.ToString("N0", CultureInfo.InvariantCulture), v.Skips.ToString("N0", CultureInfo.InvariantCulture),
                Rate(v.PlayRate), Rate(v.LikeRate), Rate(v.SkipRate), Rate(v.Reward)]);
        variants.Print(markdown);
        if (report.Variants.Any(v => !v.PlayRate.HasEnoughData))
            Console.WriteLine($"n/a: fewer than {Encore.Evaluation.Statistics.RatioComparison.MinimumUnits} users with impressions, so no variance or interval.");
        var tests = new TextTable($"each variant against {report.Variants[0].Variant} (fixed-horizon z-test, alpha {Numbers.F(report.Alpha, "0.####")} per comparison)",
            ["variant", "metric", "difference", $"{Numbers.F(100 * (1 - report.Alpha), "0.##")}% interval", "p", "verdict"]);
        foreach (var c in report.Comparisons)
        {
            var r = c.Result;
            tests.Add([c.Variant, c.Metric, Numbers.F(r.Difference), r is { Low: { } low, High: { } high } ? $"[{Numbers.F(low)}, {Numbers.F(high)}]" : "–",
                r.PValue is { } p ? Numbers.F(p, "0.0000") : "–", r.Reason is null ? r.Verdict : $"{r.Verdict}: {r.Reason}"]);
        }
        tests.Print(markdown);
    }

    private static Command Simulate()
    {
        var repeats = new Option<int>("--repeats") { Description = "Seeded repeats of each kind (A/A and planted).", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "First seed; repeat i uses seed + i (A/A) and seed + 1,000,000 + i (planted).", DefaultValueFactory = _ => 1UL };
        var users = new Option<int>("--users") { Description = "Users of the synthetic world (tiny preset otherwise).", DefaultValueFactory = _ => 1000 };
        var sessions = new Option<int>("--sessions") { Description = "Sessions (served lists) per user.", DefaultValueFactory = _ => 4 };
        var alpha = new Option<double>("--alpha") { Description = "Level of the test, in (0, 1).", DefaultValueFactory = _ => 0.05 };
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as GitHub Markdown." };
        var command = new Command("simulate", "Error rates of the A/B test on the synthetic world: the share of A/A repeats found significant (false positives) and of planted-better repeats detected (power), with Wilson 95% intervals.")
        {
            repeats, seed, users, sessions, alpha, markdown,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(RunSimulate(parse.GetValue(repeats), parse.GetValue(seed), parse.GetValue(users),
            parse.GetValue(sessions), parse.GetValue(alpha), parse.GetValue(markdown), ct))));
        return command;
    }

    internal static int RunSimulate(int repeats, ulong seed, int users, int sessions, double alpha, bool markdown, CancellationToken ct)
    {
        if (repeats < 1) throw new ArgumentException($"--repeats {repeats}: expected at least 1.");
        if (users < 10) throw new ArgumentException($"--users {users}: expected at least 10.");
        if (sessions < 1) throw new ArgumentException($"--sessions {sessions}: expected at least 1.");
        if (!(alpha is > 0 and < 1)) throw new ArgumentException($"--alpha {alpha.ToString(CultureInfo.InvariantCulture)}: expected a level in (0, 1).");
        var simulation = new AbSimulation(SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Users = users, TargetEvents = 20 * users }));
        var options = new AbSimulationOptions { Sessions = sessions, Alpha = alpha };
        int falsePositives = 0, detected = 0;
        for (var i = 0; i < repeats; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (PlayRate(simulation.Run(seed + (ulong)i, treatmentIsBetter: false, options)).Significant) falsePositives++;
            var planted = PlayRate(simulation.Run(seed + 1_000_000UL + (ulong)i, treatmentIsBetter: true, options));
            if (planted.Significant && planted.Difference > 0) detected++;
        }
        var table = new TextTable($"A/B test on the synthetic world: {users:N0} users, {sessions} sessions of 10 impressions each, play rate, alpha {Numbers.F(alpha, "0.###")}, {repeats} seeded repeats each",
            ["variants", "significant", "share", "Wilson 95% interval"]);
        table.Add(Row("identical (A/A): false positives", falsePositives, repeats));
        table.Add(Row("planted better: detected", detected, repeats));
        table.Print(markdown);
        return ExitCodes.Ok;
    }

    private static Encore.Evaluation.Statistics.RatioDifference PlayRate(AbReport report) => report.Comparisons.First(c => c.Metric == "play_rate").Result;

    private static string[] Row(string label, int hits, int n)
    {
        var p = (double)hits / n;
        var (low, high) = Encore.Evaluation.Statistics.WilsonInterval.Of(p, n);
        return [label, $"{hits} / {n}", Numbers.F(p, "0.000"), $"[{Numbers.F(low, "0.000")}, {Numbers.F(high, "0.000")}]"];
    }
}

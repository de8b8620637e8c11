using System.CommandLine;
using System.Globalization;
using Encore.Cli.Output;
using Encore.Evaluation.Runs;

namespace Encore.Cli.Commands;

/// <summary><c>encore runs show &lt;id&gt;</c>: everything recorded about one run.</summary>
public static class RunsShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Run id (from evaluate, sweep or runs list)." };
        var markdown = new Option<bool>("--markdown") { Description = "Print as Markdown." };
        var store = StoreOption.Create();
        var command = new Command("show", "Show one run: settings, protocol, metrics with intervals, training curve.") { id, markdown, store };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(parse.GetValue(id)!, parse.GetValue(markdown), parse.GetValue(store)))));
        return command;
    }

    internal static int Run(string id, bool markdown, string? storePath)
    {
        var store = StoreOption.OpenExisting(storePath);
        var run = StoreOption.Get(store, id);
        var about = new TextTable($"run {run.Id}", "field", "value");
        about.Add("started (UTC)", run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        about.Add("kind", run.Kind);
        if (run.SweepId is { } sweep) about.Add("sweep", sweep);
        about.Add("model", run.Model);
        about.Add("settings", string.Join(" ", run.Parameters.Select(p => $"{p.Key}={p.Value}")));
        about.Add("dataset", $"{run.Dataset} ({run.DatasetHash[..Math.Min(16, run.DatasetHash.Length)]})");
        about.Add("protocol", run.Protocol);
        about.Add("seed", run.Seed.ToString(CultureInfo.InvariantCulture));
        about.Add("code version", run.CodeVersion);
        about.Add("fit / evaluate s", $"{Numbers.Seconds(run.FitSeconds)} / {Numbers.Seconds(run.EvaluateSeconds)}");
        about.Add("users evaluated", run.Users.Length.ToString("N0", CultureInfo.InvariantCulture));
        about.Print(markdown);

        var metrics = new TextTable("metrics", "metric", "mean", "95% CI");
        foreach (var (metric, mean) in run.Means)
            metrics.Add(metric, Numbers.F(mean), run.Intervals.TryGetValue(metric, out var ci) ? $"[{Numbers.F(ci.Low)}, {Numbers.F(ci.High)}]" : "");
        metrics.Print(markdown);

        if (run.Curve.Count > 0)
        {
            var curve = new TextTable("training curve", "step", "series", "value");
            foreach (var point in run.Curve) curve.Add(point.Step.ToString(CultureInfo.InvariantCulture), point.Series, Numbers.F(point.Value, "0.######"));
            curve.Print(markdown);
        }
        return ExitCodes.Ok;
    }
}

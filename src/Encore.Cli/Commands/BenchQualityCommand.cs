using System.CommandLine;
using Encore.Cli.Output;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore bench quality &lt;dataset&gt; --protocol given:&lt;split&gt; [--models ...] [--settings tuned.ini]</c>: runs the
/// evaluate leaderboard (95% intervals, paired test of the best against the runner-up, runs recorded) and prints the
/// PEERS.md figures of that split beside it, with how each peer's settings were chosen.
/// </summary>
public static class BenchQualityCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder (the catalogue; the split comes from --protocol)." };
        var protocol = new Option<string>("--protocol") { Description = "given:<PEERS split folder>, holdout or temporal.", Required = true };
        var models = new Option<string>("--models") { Description = "Models to run.", DefaultValueFactory = _ => "popularity,item-knn,rp3beta,als" };
        var settingsFile = new Option<string?>("--settings") { Description = "Settings file written by encore tune (chosen on validation)." };
        var settings = new Option<string[]>("--set") { Description = "model.key=value; repeatable.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the models and the bootstrap.", DefaultValueFactory = _ => 42UL };
        var markdown = new Option<bool>("--markdown") { Description = "Print tables as Markdown." };
        var store = StoreOption.Create();
        var command = new Command("quality", "Evaluate models on a split and print them next to the peers' figures of PEERS.md.")
        {
            dataset, protocol, models, settingsFile, settings, seed, markdown, store,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(new EvaluateCommand.EvaluateRequest(
            parse.GetValue(dataset)!, parse.GetValue(models)!, parse.GetValue(protocol)!, "test", "5,10,30", parse.GetValue(seed),
            parse.GetValue(settings) ?? [], null, false, null, "ndcg@10", parse.GetValue(markdown), parse.GetValue(store))
        { SettingsFile = parse.GetValue(settingsFile) }, ct))));
        return command;
    }

    internal static int Run(EvaluateCommand.EvaluateRequest request, CancellationToken ct)
    {
        var (runs, _) = EvaluateCommand.Execute(request, ct);
        var peers = PeerQualityFigures.For(request.Protocol);
        var table = new TextTable($"NDCG@10 next to PEERS.md ({request.Protocol})", "who", "NDCG@10", "95% CI", "settings chosen");
        foreach (var run in runs.OrderByDescending(r => r.Means.GetValueOrDefault("ndcg@10")))
        {
            var interval = run.Intervals.TryGetValue("ndcg@10", out var i) ? $"[{Numbers.F(i.Low)}, {Numbers.F(i.High)}]" : "";
            table.Add($"Encore {run.Model}", Numbers.F(run.Means["ndcg@10"]), interval, request.SettingsFile is null ? "as given" : $"from {request.SettingsFile}");
        }
        foreach (var peer in peers) table.Add(peer.Peer, Numbers.F(peer.Ndcg), "", peer.Chosen);
        if (peers.Count == 0) Console.Error.WriteLine("PEERS.md has no figures for this protocol; only Encore's rows are shown.");
        table.Print(request.Markdown);
        return ExitCodes.Ok;
    }
}

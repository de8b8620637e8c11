using System.CommandLine;
using Encore.Core.Errors;
using Encore.Evaluation.Bench;
using Encore.Models.Training;

namespace Encore.Fit;

/// <summary>
/// <c>encore-fit bench fit &lt;shape&gt; --model M [--set key=value]... [--binary] [--quality] [--header] [--phases]</c>: one fit in this
/// process through <see cref="FitBench.Run(string, Func{Encore.Models.Contract.IRecommenderTrainer}, bool, bool, ulong, long?, CancellationToken)"/>,
/// printed as <see cref="FitBenchResult.ToTsv"/>: the arguments and the line of <c>encore bench fit</c>, so bench/peers/run.sh runs either.
/// </summary>
internal static class FitBenchCommand
{
    public static Command Create()
    {
        var split = new Argument<string>("shape") { Description = "PEERS split folder with train.tsv[.gz] and test.tsv[.gz] (header user item value), or a synthetic shape: peers, lastfm360k." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of a synthetic shape.", DefaultValueFactory = _ => 42UL };
        var events = new Option<long?>("--events") { Description = "Override the synthetic shape's number of events." };
        var model = new Option<string>("--model") { Description = $"Model to fit: {string.Join(", ", CoreTrainerCatalog.Names)}.", Required = true };
        var set = new Option<string[]>("--set") { Description = "Model setting key=value (repeatable), e.g. --set factors=64 --set iterations=15.", AllowMultipleArgumentsPerToken = true };
        var binary = new Option<bool>("--binary") { Description = "Replace every training value by 1 (PEERS.md's item-kNN rows)." };
        var quality = new Option<bool>("--quality") { Description = "Also score P@10 and NDCG@10 with PEERS.md's protocol (adds scoring time to process_s)." };
        var header = new Option<bool>("--header") { Description = "Print the column names first." };
        var phases = new Option<bool>("--phases") { Description = "Also print, on stderr, where the process's wall and CPU time went (runtime start, command line, load, GC, fit, after)." };
        var fit = new Command("fit", "Fit one model once in this process on a PEERS split or synthetic shape and print one tab-separated line: load, fit and whole-process seconds (wall and CPU), the fit's peak RSS, quality (columns as encore bench fit).")
        {
            split, model, set, binary, quality, header, phases, seed, events,
        };
        fit.SetAction((parse, ct) => FitCli.Guarded(() =>
        {
            var commandLine = ProcessStart.SinceMain;
            var commandLineCpu = parse.GetValue(phases) ? FitPhasesPrinter.CpuNow() : 0;
            var modelName = parse.GetValue(model)!;
            var settings = SettingPairs.Parse(parse.GetValue(set) ?? []);
            var result = FitBench.Run(parse.GetValue(split)!, () => CoreTrainerCatalog.Create(modelName, settings), parse.GetValue(binary),
                parse.GetValue(quality), parse.GetValue(seed), parse.GetValue(events), ct);
            if (parse.GetValue(header)) Console.WriteLine(FitBenchResult.TsvHeader);
            Console.WriteLine(result.ToTsv());
            if (parse.GetValue(phases)) FitPhasesPrinter.Print(Console.Error, commandLine, commandLineCpu, result.Phases);
            return ProcessExit.Ok;
        }));
        return fit;
    }
}

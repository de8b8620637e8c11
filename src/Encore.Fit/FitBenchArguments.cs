using System.CommandLine;
using Encore.Core.Errors;
using Encore.Evaluation.Bench;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Fit;

/// <summary>
/// The <c>bench fit</c> command of both executables, <c>encore bench fit</c> and <c>encore-fit bench fit</c>: one fit in this
/// (fresh) process through <see cref="FitBench"/>, printed as <see cref="FitBenchResult.ToTsv"/>. This file is compiled into
/// both (Encore.Cli links it), so their arguments and output line cannot drift apart and bench/peers/run.sh runs either.
/// </summary>
internal static class FitBenchArguments
{
    /// <summary>
    /// The <c>fit</c> command. <paramref name="createTrainer"/> makes the trainer from the model name and its
    /// <c>--set</c> pairs (throws <see cref="ArgumentException"/> for an unknown model or key: exit 1);
    /// <paramref name="guard"/> turns the body's exceptions into the executable's error line and exit code.
    /// </summary>
    public static Command Create(string description, string modelDescription,
        Func<string, IReadOnlyDictionary<string, string>, IRecommenderTrainer> createTrainer, Func<Func<int>, Task<int>> guard)
    {
        var split = new Argument<string>("shape") { Description = "PEERS split folder with train.tsv[.gz] and test.tsv[.gz] (header user item value), or a synthetic shape: peers, lastfm360k." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of a synthetic shape.", DefaultValueFactory = _ => 42UL };
        var events = new Option<long?>("--events") { Description = "Override the synthetic shape's number of events." };
        var model = new Option<string>("--model") { Description = modelDescription, Required = true };
        var set = new Option<string[]>("--set") { Description = "Model setting key=value (repeatable), e.g. --set factors=64 --set iterations=15.", AllowMultipleArgumentsPerToken = true };
        var binary = new Option<bool>("--binary") { Description = "Replace every training value by 1 (PEERS.md's item-kNN rows)." };
        var quality = new Option<bool>("--quality") { Description = "Also score P@10 and NDCG@10 with PEERS.md's protocol (adds scoring time to process_s)." };
        var header = new Option<bool>("--header") { Description = "Print the column names first." };
        var phases = new Option<bool>("--phases") { Description = "Also print, on stderr, where the process's wall and CPU time went (runtime start, command line, load, GC, fit, after); a JIT build also lists the assemblies it loaded." };
        var fit = new Command("fit", description)
        {
            split, model, set, binary, quality, header, phases, seed, events,
        };
        fit.SetAction((parse, ct) => guard(() =>
        {
            var commandLine = ProcessStart.SinceMain;
            var commandLineCpu = parse.GetValue(phases) ? FitPhasesPrinter.CpuNow() : 0;
            var modelName = parse.GetValue(model)!;
            var settings = SettingPairs.Parse(parse.GetValue(set) ?? []);
            var result = FitBench.Run(parse.GetValue(split)!, () => createTrainer(modelName, settings), parse.GetValue(binary),
                parse.GetValue(quality), parse.GetValue(seed), parse.GetValue(events), ct);
            if (parse.GetValue(header)) Console.WriteLine(FitBenchResult.TsvHeader);
            Console.WriteLine(result.ToTsv());
            if (parse.GetValue(phases)) FitPhasesPrinter.Print(Console.Error, commandLine, commandLineCpu, result.Phases);
            return ProcessExit.Ok;
        }));
        return fit;
    }
}

using System.CommandLine;
using Encore.Cli.Output;
using Encore.Data.Snapshots;
using Encore.Data.Statistics;

namespace Encore.Cli.Commands;

/// <summary><c>encore stats &lt;dataset&gt;</c>: counts, density, distributions and time range of a snapshot.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder (written by import or synth)." };
        var command = new Command("stats", "Show counts, density, distributions and time range of a dataset snapshot.") { dataset };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(parse.GetValue(dataset)!, ct))));
        return command;
    }

    internal static int Run(string folder, CancellationToken ct)
    {
        var data = DatasetSnapshot.Read(folder, ct);
        Console.WriteLine($"dataset {Path.GetFullPath(folder)}, source: {data.Source}");
        StatisticsPrinter.Print(DatasetStatistics.Compute(data), Path.GetFileName(Path.GetFullPath(folder)));
        return ExitCodes.Ok;
    }
}

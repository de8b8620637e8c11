using System.CommandLine;
using Encore.Models.Training;

namespace Encore.Fit;

/// <summary>
/// <c>encore-fit bench fit &lt;shape&gt; --model M [--set key=value]... [--binary] [--quality] [--header] [--phases]</c>: the
/// arguments and the line of <c>encore bench fit</c> (<see cref="FitBenchArguments"/>), for the models of <see cref="CoreTrainerCatalog"/>.
/// </summary>
internal static class FitBenchCommand
{
    public static Command Create() => FitBenchArguments.Create(
        "Fit one model once in this process on a PEERS split or synthetic shape and print one tab-separated line: load, fit and whole-process seconds (wall and CPU), the fit's peak RSS, quality (columns as encore bench fit).",
        $"Model to fit: {string.Join(", ", CoreTrainerCatalog.Names)}.",
        CoreTrainerCatalog.Create, FitCli.Guarded);
}

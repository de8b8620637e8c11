using System.CommandLine;
using Encore.Core.Errors;

namespace Encore.Fit;

/// <summary>
/// <c>encore-fit</c>: the part of the <c>encore</c> CLI that fits the matrix-only models (<see cref="Encore.Models.Training.CoreTrainerCatalog"/>)
/// with nothing else in the process, so that it can be published as Native AOT and start without a JIT:
/// <c>encore-fit bench fit</c> (the same arguments and output line as <c>encore bench fit</c>) and <c>encore-fit train</c>
/// (the model file <c>encore recommend</c> and <c>encore serve</c> read). Exit codes are <see cref="ProcessExit"/>'s, as the CLI's.
/// </summary>
public static class FitCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("encore-fit: fit popularity, item-knn, user-knn, ease, rp3beta, als, wmf, bpr or lmf in a process without a JIT " +
            "(a Native AOT publish; docs/fit-aot.md). Every other command and model is in encore.")
        {
            new Command("bench", "Measure Encore's fits (as encore bench).") { FitBenchCommand.Create() },
            FitTrainCommand.Create(),
        };
        return InvokeAsync(root, args);
    }

    private static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        // Termination signals are handled by TerminationSignals, not by System.CommandLine (see there why).
        using var signals = TerminationSignals.Register();
        var result = root.Parse(args);
        if (ParseFailure.TryReport(result, "encore-fit", out var usage)) return usage;
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
    }

    /// <summary>Runs a command body; a failure becomes "error: ..." on stderr and its exit code, never a stack trace.</summary>
    internal static Task<int> Guarded(Func<int> body)
    {
        try
        {
            return Task.FromResult(body());
        }
        catch (Exception ex)
        {
            return Task.FromResult(ProcessExit.Report(ex, Console.Error));
        }
    }
}

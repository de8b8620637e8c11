using System.Diagnostics;
using System.Globalization;

namespace Encore.Evaluation.Bench;

/// <summary>
/// <c>encore bench fit --phases</c>: where one fit process's time went, as "phase TAB name TAB wall s TAB CPU s"
/// lines on stderr (stdout keeps the one result line the scripts read), then the assemblies this process loaded.
/// The process's exit after these lines is the one phase it cannot time itself: compare the sum with an external
/// clock (<c>/usr/bin/time</c>; bench/startup/phases.sh does).
/// </summary>
public static class FitPhasesPrinter
{
    /// <summary>The CPU seconds of this process so far, read when the command's action starts.</summary>
    public static double CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Writes the runtime-start and command-line rows (from <see cref="ProcessStart"/>), then <paramref name="phases"/>, a total and
    /// the loaded assemblies, to <paramref name="writer"/>.</summary>
    /// <param name="writer">Usually stderr.</param>
    /// <param name="commandLineWall">Wall seconds from Main to the command's action (<see cref="ProcessStart.SinceMain"/> read there).</param>
    /// <param name="commandLineCpuEnd">This process's CPU seconds when the command's action started (<see cref="CpuNow"/>).</param>
    /// <param name="phases">The fit's own phases (<see cref="FitBenchResult.Phases"/>).</param>
    public static void Print(TextWriter writer, double commandLineWall, double commandLineCpuEnd, IReadOnlyList<FitBenchPhase> phases)
    {
        var rows = new List<FitBenchPhase>
        {
            new("runtime start to Main", ProcessStart.SecondsToMain(), ProcessStart.CpuToMain),
            new("command line", commandLineWall, commandLineCpuEnd - ProcessStart.CpuToMain),
        };
        rows.AddRange(phases);
        rows.Add(new("total to here", rows.Sum(r => r.WallSeconds), CpuNow()));
        foreach (var r in rows)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase\t{r.Name}\t{r.WallSeconds:F4}\t{r.CpuSeconds:F4}"));
        // A Native AOT build (encore-fit) has no assemblies to list: all code is in the executable, and assembly names
        // cannot even be formatted there under invariant globalization.
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            writer.WriteLine("assemblies\t0\t(Native AOT: compiled into the executable)");
            return;
        }
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Order(StringComparer.Ordinal).ToArray();
        writer.WriteLine($"assemblies\t{assemblies.Length}\t{string.Join(' ', assemblies)}");
    }
}

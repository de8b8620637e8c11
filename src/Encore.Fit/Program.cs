using Encore.Evaluation.Bench;

namespace Encore.Fit;

/// <summary>Entry point of <c>encore-fit</c>, the Native AOT fit host (docs/fit-aot.md).</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        ProcessStart.MarkMain(withCpu: args.Contains("--phases"));
        return FitCli.RunAsync(args);
    }
}

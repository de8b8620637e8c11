using System.CommandLine;
using Encore.Cli.Commands;

namespace Encore.Cli;

/// <summary>Builds the command tree and runs it; commands live one per file under Commands/.</summary>
public static class EncoreCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Encore: a music recommendation engine.")
        {
            ImportCommand.Create(),
            StatsCommand.Create(),
            SynthCommand.Create(),
            DemoCommand.Create(),
            TrainCommand.Create(),
            RecommendCommand.Create(),
            ScoreCommand.Create(),
            SimilarCommand.Create(),
            ReportCommand.Create(),
            EvaluateCommand.Create(),
            RunsCommand.Create(),
            SweepCommand.Create(),
            TuneCommand.Create(),
            ServeCommand.Create(),
            BenchCommand.Create(),
            CheckPatternCommand.Create(),
            BanditsCommand.Create(),
            ExperimentsCommand.Create(),
            FalseNegativesCommand.Create(),
        };
        var result = root.Parse(args);
        return await result.InvokeAsync();
    }
}

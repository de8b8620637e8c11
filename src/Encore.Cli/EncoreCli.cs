using System.CommandLine;
using Encore.Cli.Commands;

namespace Encore.Cli;

/// <summary>Builds the command tree and runs it; commands live one per file under Commands/.</summary>
public static class EncoreCli
{
    /// <summary>Every top-level command by name, in the order <c>encore --help</c> lists them.</summary>
    internal static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("import", ImportCommand.Create),
        ("stats", StatsCommand.Create),
        ("synth", SynthCommand.Create),
        ("demo", DemoCommand.Create),
        ("train", TrainCommand.Create),
        ("recommend", RecommendCommand.Create),
        ("score", ScoreCommand.Create),
        ("similar", SimilarCommand.Create),
        ("report", ReportCommand.Create),
        ("evaluate", EvaluateCommand.Create),
        ("runs", RunsCommand.Create),
        ("sweep", SweepCommand.Create),
        ("tune", TuneCommand.Create),
        ("serve", ServeCommand.Create),
        ("bench", BenchCommand.Create),
        ("check-pattern", CheckPatternCommand.Create),
        ("bandits", BanditsCommand.Create),
        ("experiments", ExperimentsCommand.Create),
        ("false-negatives", FalseNegativesCommand.Create),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        using var signals = Encore.Core.Errors.TerminationSignals.Register(GraceOf(args));
        return await RunAsync(args, signals.Token);
    }

    /// <summary>
    /// Time from the first SIGINT / SIGTERM to the forced exit: 2 s, except for the commands that serve HTTP. The server
    /// bounds its own shutdown (running requests get server.shutdown_grace_seconds, at most 300 s), and a 2 s exit dropped
    /// a running retrain's connection (found by s13's newcomer); the forced exit stays as a backstop beyond that bound.
    /// </summary>
    internal static TimeSpan GraceOf(IReadOnlyList<string> args) =>
        args.Count > 0 && (args[0] == "serve" || (args[0] == "demo" && !args.Contains("--no-serve")))
            ? TimeSpan.FromSeconds(Encore.Server.Configuration.ServerOptionsValidator.MaxShutdownGraceSeconds + 10)
            : Encore.Core.Errors.TerminationSignals.DefaultGrace;

    /// <summary>Runs the command line with <paramref name="cancellationToken"/> as every command's cancellation (exit 130 when it fires).</summary>
    internal static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var result = CreateRoot(args).Parse(args);
        if (Encore.Fit.ParseFailure.TryReport(result, "encore", out var usage)) return usage;
        // Termination signals are handled by TerminationSignals, not by System.CommandLine (see there why).
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken);
    }

    /// <summary>
    /// The root command. When the first argument names a command, only that command is built: building all of
    /// them (options, defaults, help texts) cost about 0.3 CPU s per process with the JIT and a measurable part
    /// of a small fit with ReadyToRun (bench/results/peers-side-by-side.md, "Session 7"). Anything else (no
    /// arguments, <c>--help</c>, a misspelt command) gets the whole tree, so help and errors are unchanged.
    /// </summary>
    internal static RootCommand CreateRoot(IReadOnlyList<string> args)
    {
        var root = new RootCommand("Encore: a music recommendation engine.");
        var only = args.Count > 0 ? Array.FindIndex(Commands, c => c.Name == args[0]) : -1;
        if (only >= 0) root.Subcommands.Add(Commands[only].Create());
        else foreach (var (_, create) in Commands) root.Subcommands.Add(create());
        return root;
    }
}

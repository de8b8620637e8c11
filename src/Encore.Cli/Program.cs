using Encore.Cli;
using Encore.Evaluation.Bench;

// encore serve: restart with tiered compilation on unless DOTNET_TieredCompilation is set (ServeRuntime); fits keep it off.
ServeRuntime.ReexecIfDue(args);
ProcessStart.MarkMain(withCpu: args.Contains("--phases"));
return await EncoreCli.RunAsync(args);

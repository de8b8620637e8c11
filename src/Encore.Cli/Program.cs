using Encore.Cli;

ProcessStart.MarkMain(withCpu: args.Contains("--phases"));
return await EncoreCli.RunAsync(args);

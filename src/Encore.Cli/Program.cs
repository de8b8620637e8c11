using Encore.Cli;

return await EncoreCli.RunAsync(args);

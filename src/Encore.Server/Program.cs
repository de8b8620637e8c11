using Encore.Server;

return await EncoreServer.RunReportingConfigurationErrorsAsync(args, Console.Error);

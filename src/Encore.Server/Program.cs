using Encore.Server;

return await EncoreServer.RunAsync(args);

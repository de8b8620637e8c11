using System.CommandLine;
using Encore.Server;
using Microsoft.Extensions.Options;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore serve [--config file] [--urls ...] [--model [name=]file ...]</c>: runs the HTTP service
/// (Encore.Server) until Ctrl+C. Options are documented in encore.sample.toml and docs/service.md.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "TOML or JSON configuration file (every option: encore.sample.toml)." };
        var urls = new Option<string?>("--urls") { Description = "Listen addresses, e.g. http://127.0.0.1:5080 (overrides server.urls)." };
        var models = new Option<string[]>("--model") { Description = "Model file to serve, as path (default name) or name=path; repeatable.", AllowMultipleArgumentsPerToken = false };
        var store = new Option<string?>("--store") { Description = "Store: a SQLite file or a postgres://user:password@host:port/database URI shared by several processes (overrides store.path; docs/deployment.md)." };
        var command = new Command("serve", "Run the recommendation service (HTTP API, feedback ingestion, model registry, retraining).") { config, urls, models, store };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Run(Arguments(parse.GetValue(config), parse.GetValue(urls), parse.GetValue(models) ?? [], parse.GetValue(store)), ct)));
        return command;
    }

    internal static string[] Arguments(string? config, string? urls, string[] models, string? store = null)
    {
        var args = new List<string>();
        if (store is not null) args.AddRange(["--store:path", store]);
        if (config is not null) args.AddRange(["--config", config]);
        if (urls is not null) args.AddRange(["--urls", urls]);
        foreach (var model in models) args.AddRange(["--model", model]);
        return [.. args];
    }

    private static async Task<int> Run(string[] args, CancellationToken ct)
    {
        try
        {
            return await EncoreServer.RunAsync(args, ct);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) Console.Error.WriteLine($"error: configuration: {failure}");
            return ExitCodes.Usage;
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}

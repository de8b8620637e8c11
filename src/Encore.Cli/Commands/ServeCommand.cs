using System.CommandLine;
using Encore.Core.Files;
using Encore.Evaluation.Runs;
using Encore.Server;
using Encore.Server.Configuration;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore serve [--config file] [--urls ...] [--model [name=]file ...] [--dataset folder] [--store file]
/// [--runs file] [--cluster postgres://...] [--Section:Key value ...]</c>: runs the HTTP service (Encore.Server) until Ctrl+C. The
/// service keeps its own store (default encore-service.db), apart from the run store of encore evaluate
/// (encore.db), which it reads for the Runs page when present. Options are documented in encore.sample.toml
/// and docs/service.md; any other <c>--Section:Key value</c> pair is passed on as configuration.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "TOML or JSON configuration file (every option: encore.sample.toml)." };
        var urls = new Option<string?>("--urls") { Description = "Listen addresses, e.g. http://127.0.0.1:5080 (overrides server.urls)." };
        var models = new Option<string[]>("--model") { Description = "Model file to serve, as path (default name) or name=path; repeatable.", AllowMultipleArgumentsPerToken = false };
        var dataset = new Option<string?>("--dataset") { Description = "Base dataset snapshot (encore synth / import output): track titles, user histories, retraining data (dataset.base)." };
        var store = new Option<string?>("--store") { Description = "The service's store for events, catalogue and model registry: a SQLite file or a postgres://user:password@host:port/database URI shared by several processes (store.path; default encore-service.db; docs/deployment.md)." };
        var cluster = new Option<string?>("--cluster") { Description = "Join an Orleans cluster whose membership is in this PostgreSQL database (postgres://...; cluster.membership). Needs a postgres:// --store; set --Cluster:SiloPort per silo on one machine (docs/deployment.md)." };
        var settings = new Option<string?>("--settings") { Description = "Settings file written by encore tune: the service's own retraining uses its [trainer] section and [data] confidence (retrain.settings; docs/tune.md)." };
        var runs = new Option<string?>("--runs") { Description = $"Run store shown on the Runs page (runs.path). Default: ${RunStoreLocation.EnvironmentVariable}, else {RunStoreLocation.DefaultFile} here when it exists." };
        var command = new Command("serve", "Run the recommendation service (HTTP API, feedback ingestion, model registry, retraining) with its dashboard.")
        {
            config, urls, models, dataset, store, runs, cluster, settings,
        };
        // Configuration keys such as --Security:ApiKeys:0 KEY go to the server as they are.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() =>
        {
            CheckPaths(parse.GetValue(config), parse.GetValue(models) ?? [], parse.GetValue(dataset), parse.GetValue(settings));
            return Run(Arguments(parse.GetValue(config), parse.GetValue(urls), parse.GetValue(models) ?? [],
                new ServeStores(parse.GetValue(dataset), parse.GetValue(store), parse.GetValue(runs) ?? DefaultRunStore(parse.GetValue(config)), parse.GetValue(cluster), parse.GetValue(settings)),
                [.. parse.UnmatchedTokens]), ct);
        }));
        return command;
    }

    /// <summary>
    /// A file or folder named on the command line (--config, each --model's path, --dataset, --settings) that names
    /// nothing: "error: --model 'x.bin' does not exist." and exit 1, before the server is built, as every command says it.
    /// </summary>
    /// <exception cref="FileNotFoundException">One of the paths names nothing (exit 1 through <see cref="CommandRunner"/>).</exception>
    internal static void CheckPaths(string? config, string[] models, string? dataset, string? settings)
    {
        if (config is not null) CommandLinePath.Existing(config, "--config");
        foreach (var model in models) CommandLinePath.Existing(ServerOptionsValidator.ParsePreload(model, "default").Path, "--model");
        if (dataset is not null) CommandLinePath.Existing(dataset, "--dataset");
        if (settings is not null) CommandLinePath.Existing(settings, "--settings");
    }

    /// <summary>The base dataset, service store and run store given on the command line (null: from configuration).</summary>
    internal sealed record ServeStores(string? Dataset = null, string? Store = null, string? Runs = null, string? Cluster = null, string? Settings = null);

    internal static string[] Arguments(string? config, string? urls, string[] models, ServeStores? stores = null, string[]? extra = null)
    {
        var args = new List<string>();
        if (config is not null) args.AddRange(["--config", config]);
        if (urls is not null) args.AddRange(["--urls", urls]);
        foreach (var model in models) args.AddRange(["--model", model]);
        if (stores?.Dataset is { } dataset) args.AddRange(["--Dataset:Base", dataset]);
        if (stores?.Store is { } store) args.AddRange(["--Store:Path", store]);
        if (stores?.Runs is { } runs) args.AddRange(["--Runs:Path", runs]);
        if (stores?.Cluster is { } cluster) args.AddRange(["--Cluster:Membership", cluster]);
        if (stores?.Settings is { } settings) args.AddRange(["--Retrain:Settings", Path.GetFullPath(settings)]);
        args.AddRange(extra ?? []);
        return [.. args];
    }

    /// <summary>
    /// ENCORE_STORE, else encore.db in the working folder, when that file exists (the Runs page then shows it);
    /// none when a configuration file or ENCORE_RUNS__PATH may set runs.path (they win).
    /// </summary>
    private static string? DefaultRunStore(string? config)
    {
        if (config is not null || Environment.GetEnvironmentVariable("ENCORE_RUNS__PATH") is not null) return null;
        var path = RunStoreLocation.Resolve(null);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Builds the server from <paramref name="args"/> (configuration checked) and runs it until <paramref name="ct"/>; configuration errors exit 1.</summary>
    internal static Task<int> Run(string[] args, CancellationToken ct) => EncoreServer.RunReportingConfigurationErrorsAsync(args, Console.Error, ct);
}

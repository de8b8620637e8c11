using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Encore.Core.Errors;
using Encore.Online;
using Encore.Online.Registry;
using Encore.Server.Cluster;
using Encore.Server.Configuration;
using Encore.Server.Endpoints;
using Encore.Server.Hosting;
using Encore.Server.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Encore.Server;

/// <summary>
/// The HTTP host: configuration, Kestrel limits, API keys, rate limiting, problem details, OpenAPI,
/// metrics, health, and one endpoint file per resource. All serving logic is in Encore.Online.
/// </summary>
public static class EncoreServer
{
    /// <summary>Builds the application (configuration validated, models preloaded) without starting it.</summary>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var parsed = ServerArguments.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = parsed.Rest });
        var unknown = Configure(builder.Configuration, parsed, overrides);
        var options = Validated(builder.Configuration, unknown);

        if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls(options.Server.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.Server.MaxRequestBodyBytes);
        builder.Logging.ClearProviders();
        // One line per request comes from RequestLogMiddleware; ASP.NET's own request entries only when asked for.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null) builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (options.Server.JsonLogs) builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        else builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });

        var services = builder.Services;
        services.AddOptions<EncoreServerOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EncoreServerOptions>, ServerOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var engine = new OnlineEngine(options.ToOnline(), sp.GetRequiredService<TimeProvider>());
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Encore.Online.Registry");
            engine.Registry.Fetched += (info, path) => log.LogInformation("Fetched {Model} version {Version} (SHA-256 {Hash}) from the shared store into {Path}",
                info.Name, info.Version, info.ContentHash, path);
            return engine;
        });
        services.AddHostedService<RetrainBackgroundService>();
        // Running requests may finish during a shutdown, for the configured grace (the host's default is 30 s).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.Server.ShutdownGraceSeconds));
        services.AddSingleton<ShutdownDeadline>();
        services.AddSingleton<HttpWarmUp>();
        ClusterHosting.Add(builder, options.Cluster);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusCodeProblems.Complete);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Strict JSON types in every request body, as docs/service.md shows them: ASP.NET's web defaults read
            // "k": "3" as the number 3 and an enum from its integer value; both are now a 400 naming the field.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Description = (document.Info.Description is { Length: > 0 } d ? d + "\n\n" : "") +
                "Ids in paths ({id}, {track}, {name}) are percent-encoded as one path segment (RFC 3986, like " +
                "JavaScript's encodeURIComponent): '/' is %2F, a space %20, 'ü' %C3%BC. The server decodes each id " +
                "exactly once, so /api/users/%C3%BC%2Fser%202/recommendations is user 'ü/ser 2'.";
            return Task.CompletedTask;
        }));
        services.AddRateLimiter(o => ConfigureRateLimiter(o, options.RateLimit, [.. options.Security.ApiKeys, .. options.Security.AdminKeys]));
        DashboardEndpoints.AddDashboard(services);
        RunEndpoints.AddRuns(services);

        var app = builder.Build();
        app.Services.GetRequiredService<HttpWarmUp>().Register(app);
        Preload(app.Services.GetRequiredService<OnlineEngine>(), options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Encore.Online.Registry"));

        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return next(context);
        });
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodyLimitMiddleware>();
        DashboardEndpoints.UseDashboard(app);
        app.UseRouting();
        app.UsePathIdDecoding();
        app.UseHttpMetrics();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();

        app.MapOpenApi();
        app.MapMetrics("/metrics");
        HealthEndpoints.Map(app);
        UserEndpoints.Map(app);
        GroupEndpoints.Map(app);
        PlaylistEndpoints.Map(app);
        TrackEndpoints.Map(app);
        EventEndpoints.Map(app);
        BanditEndpoints.Map(app);
        ModelEndpoints.Map(app);
        ExperimentEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        RunEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Builds and runs until shut down (Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>). Returns 0, or
    /// <see cref="ProcessExit.Failure"/> when the stop overran <see cref="StopBound"/> (grace + 10 s) and was abandoned.
    /// </summary>
    /// <exception cref="OptionsValidationException">Invalid options, or a listen address already in use.</exception>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var app = Build(args);
        if (ListenAddressCheck.InUse(app.Configuration["urls"]) is { Count: > 0 } inUse)
        {
            await app.DisposeAsync();
            throw new OptionsValidationException(nameof(EncoreServerOptions), typeof(EncoreServerOptions), inUse);
        }
        var grace = app.Services.GetRequiredService<IOptions<EncoreServerOptions>>().Value.Server.ShutdownGraceSeconds;
        // Read from the container before the run starts: with a stop already requested the run may finish, and
        // dispose the container, before RunAsync returns.
        var time = app.Services.GetRequiredService<TimeProvider>();
        var stopping = app.Lifetime.ApplicationStopping;
        var hostLifetime = app.Services.GetService<IHostLifetime>();
        var run = app.RunAsync(cancellationToken); // starts, waits for the shutdown, stops and disposes the host
        if (await StopBound.EndsWithinAsync(run, stopping, StopBound.Of(grace), time))
        {
            await run;
            return 0;
        }
        // The stop is abandoned, not awaited: the host lifetime's process-exit handler would otherwise wait for the
        // host's disposal (which is what hangs), so it is released first.
        Console.Error.WriteLine($"error: the server did not stop within server.shutdown_grace_seconds ({grace} s) + {StopBound.Overrun.TotalSeconds:0} s; exiting without waiting for the rest of its stop (cluster mode: is PostgreSQL reachable? the silo's membership row is marked dead by the other silos).");
        (hostLifetime as IDisposable)?.Dispose();
        return ProcessExit.Failure;
    }

    /// <summary>
    /// <see cref="RunAsync"/> for a command line: a configuration error (an unknown or invalid option, a listen address in use,
    /// a <c>--config</c> file that is not there or cannot be read) is written to <paramref name="error"/> as one
    /// <c>error: ...</c> line per problem and exits <see cref="ProcessExit.Usage"/>, instead of an exception and its stack trace.
    /// </summary>
    public static async Task<int> RunReportingConfigurationErrorsAsync(string[] args, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await RunAsync(args, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) error.WriteLine($"error: configuration: {failure}");
            return ProcessExit.Usage;
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
        {
            // --config names a file that is not there, or one that is not valid TOML / JSON: a bad command line.
            error.WriteLine($"error: {ex.Message}");
            return ProcessExit.Usage;
        }
    }

    /// <summary>One message per listen address of <paramref name="urls"/> (as <c>--urls</c>) that another process already holds,
    /// e.g. "server.urls: 127.0.0.1:5080 (from ...) is already in use ..."; empty when every address can be bound now.</summary>
    public static IReadOnlyList<string> AddressesInUse(string? urls) => ListenAddressCheck.InUse(urls);

    /// <summary>The addresses Kestrel listens on (after start; resolves port 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    // Returns the keys of the file, the ENCORE_* variables and the command line that name no option (a typo would
    // otherwise be ignored and the default used); Validated reports them with the other problems.
    private static List<string> Configure(ConfigurationManager configuration, ServerArguments parsed, IDictionary<string, string?>? overrides)
    {
        var root = (IConfigurationRoot)configuration;
        var unknown = new List<string>();
        if (parsed.ConfigFile is { } file)
        {
            var full = Path.GetFullPath(file);
            if (string.Equals(Path.GetExtension(full), ".json", StringComparison.OrdinalIgnoreCase)) configuration.AddJsonFile(full, optional: false);
            else ((IConfigurationBuilder)configuration).Add(new TomlConfigurationSource(full));
            unknown.AddRange(UnknownOptionKeys.Find(root.Providers.Last(), file));
        }
        ((IConfigurationBuilder)configuration).Add(new EncoreEnvironmentSource());
        unknown.AddRange(UnknownOptionKeys.Find(root.Providers.Last(), "ENCORE_* environment variable", sectionsOnly: true));
        if (overrides is not null) configuration.AddInMemoryCollection(overrides);
        configuration.AddCommandLine(parsed.Rest);
        unknown.AddRange(UnknownOptionKeys.Find(root.Providers.Last(), "command line", sectionsOnly: true));
        var preload = configuration.GetSection("Models:Preload").GetChildren().Count();
        var extra = new Dictionary<string, string?>();
        for (var i = 0; i < parsed.Models.Count; i++) extra[$"Models:Preload:{preload + i}"] = parsed.Models[i];
        configuration.AddInMemoryCollection(extra);
        return unknown;
    }

    private static EncoreServerOptions Validated(IConfiguration configuration, List<string> unknown)
    {
        if (unknown.Count > 0) throw new OptionsValidationException(nameof(EncoreServerOptions), typeof(EncoreServerOptions), unknown);
        var options = ConfigurationBinding.Bind(configuration);
        var result = new ServerOptionsValidator().Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(nameof(EncoreServerOptions), typeof(EncoreServerOptions), result.Failures);
        return options;
    }

    private static void Preload(OnlineEngine engine, EncoreServerOptions options, ILogger log)
    {
        engine.Registry.LoadActive();
        foreach (var entry in options.Models.Preload)
        {
            var (name, path) = ServerOptionsValidator.ParsePreload(entry, options.Models.Default);
            try
            {
                var (served, keptNewer) = engine.Preload(name, path);
                if (keptNewer)
                    log.LogInformation("models.preload '{Entry}': version {Version} of {Model} ({Path}) stays active, newer than the file's version (a retrain); POST /api/models/{Name}/activate serves another",
                        entry, served.Version, name, served.Path, name);
            }
            catch (OnlineRequestException ex) when (ex.Field == "path")
            {
                // Not a model file (foreign, corrupt, unreadable): the documented "corrupt or foreign model" failure (exit 3).
                throw new ModelFormatException($"models.preload '{entry}': {ex.Message}", ex);
            }
        }
        CheckBaseDataset(engine, options);
        ServerMetrics.Track(engine);
    }

    // A model served with another data set's catalogue answers with ids that name other tracks (or none): refused
    // before serving, for every active model (preloaded or activated earlier in the store). Exit 1, like a bad option.
    private static void CheckBaseDataset(OnlineEngine engine, EncoreServerOptions options)
    {
        if (options.Dataset.Base is not { Length: > 0 } folder || engine.BaseDataset.Dataset is not { } dataset) return;
        foreach (var info in engine.Registry.List().Where(v => v.IsActive))
            if (engine.Registry.Active(info.Name) is { } served
                && BaseDatasetMatch.Mismatch(info.Name, info.Path, served.Model.Items, dataset, folder) is { } mismatch)
                throw new ArgumentException($"dataset.base: {mismatch}");
    }

    // Partitions per known API key, else per client address (an unknown key must not buy a fresh partition).
    private static void ConfigureRateLimiter(RateLimiterOptions o, RateLimitSection limits, HashSet<string> keys)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (context, _) => new ValueTask(Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"More than {limits.PermitLimit} requests in {limits.WindowSeconds} s from this client; retry after the window."));
        if (!limits.Enabled) return;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)) return RateLimitPartition.GetNoLimiter("unlimited");
            var key = context.Request.Headers[ApiKeyMiddleware.Header].ToString();
            var client = keys.Contains(key) ? "key:" + key : "ip:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit,
                Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }
}

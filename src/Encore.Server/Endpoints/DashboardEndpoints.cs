using System.Reflection;
using Encore.Online;
using Encore.Online.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;

namespace Encore.Server.Endpoints;

/// <summary>
/// The dashboard: static pages under /dashboard (embedded in this assembly, so the service serves them
/// wherever it runs), read-only JSON under /api/dashboard that the public API lacks, and the request timing
/// that feeds the live latency chart. The views themselves are built in Encore.Online.Dashboard.
/// </summary>
public static class DashboardEndpoints
{
    public const string PagePath = "/dashboard";

    /// <summary>Registers the <see cref="DashboardService"/> singleton.</summary>
    public static void AddDashboard(IServiceCollection services) =>
        services.AddSingleton(sp => new DashboardService(sp.GetRequiredService<OnlineEngine>(), sp.GetRequiredService<TimeProvider>()));

    /// <summary>
    /// Request timing for /api (except the dashboard's own polling) and the static pages (/dashboard is
    /// redirected to /dashboard/ by the default-files middleware); call before routing.
    /// </summary>
    public static void UseDashboard(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var live = app.Services.GetRequiredService<DashboardService>().Live;
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/api/dashboard", StringComparison.Ordinal))
            {
                await next(context);
                return;
            }
            var start = time.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                live.RecordRequest(time.GetElapsedTime(start).TotalMilliseconds);
            }
        });

        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Encore.Server.wwwroot.dashboard");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = PagePath });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = PagePath,
            // Pages are small and change with the server version: always revalidate.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").WithTags("dashboard").ProducesProblem(400);
        api.MapGet("/overview", (DashboardService d) => TypedResults.Ok(d.Overview()))
            .WithSummary("Counts, events per kind and per day, popularity distribution and top tracks of the store (and the base dataset).");
        api.MapGet("/live", (DashboardService d, int? window, int? step) => TypedResults.Ok(d.LiveWindow(window ?? 300, step ?? 5)))
            .WithSummary("Events ingested, requests and latency percentiles per step over the last minutes.");
        api.MapGet("/users/{id}/history", History).WithSummary("A user's tracks (stored and base-dataset events), most events first.");
        api.MapGet("/tracks", Labels).WithSummary("Titles and artists of track ids (ids=a,b,c).");
        api.MapGet("/models", (DashboardService d) => TypedResults.Ok(d.Models()))
            .WithSummary("Registered model versions without file paths, with what the active ones can do (no key needed).");
    }

    private static Ok<UserHistory> History(string id, DashboardService dashboard, int? limit) =>
        TypedResults.Ok(dashboard.History(id, limit ?? 50));

    private static Ok<IReadOnlyList<TrackLabel>> Labels(DashboardService dashboard, [Microsoft.AspNetCore.Mvc.FromQuery] string[]? ids) =>
        TypedResults.Ok(dashboard.Labels(JsonBody.SplitList(ids)));
}

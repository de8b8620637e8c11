using System.Globalization;
using Encore.Data.Model;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Online;

namespace Encore.Cli.Commands;

/// <summary>
/// The demo's model registry: every evaluated model saved and registered under its own name in the service
/// store with its evaluation run id, all active, and the default chosen as the best (by NDCG@10) of the
/// models that can both find similar tracks and explain, so every dashboard page has something to show.
/// </summary>
internal static class DemoModels
{
    public const string Metric = "ndcg@10";

    /// <summary>Registers the models; sets <see cref="DemoContext.DefaultModel"/>; returns one line per model.</summary>
    public static IReadOnlyList<string> Register(DemoContext demo)
    {
        var evaluated = demo.Runs.Where(r => demo.Models.ContainsKey(r.Model))
            .OrderByDescending(r => r.Means.GetValueOrDefault(Metric)).ToList();
        var best = evaluated.FirstOrDefault(r => demo.Models[r.Model] is ISimilarItems and IExplainer) ?? evaluated.FirstOrDefault();
        demo.DefaultModel = best?.Model;
        var lines = new List<string>();
        using var engine = new OnlineEngine(new OnlineOptions
        {
            StorePath = demo.ServiceStorePath,
            ModelDirectory = Path.Combine(demo.Output, "service-models"),
            DefaultModel = demo.DefaultModel ?? "main",
        }, TimeProvider.System);
        foreach (var run in evaluated)
        {
            var model = demo.Models[run.Model];
            var path = Path.Combine(demo.ModelFolder, run.Model + ".bin");
            ModelFile.Save(model, path);
            var score = run.Means.GetValueOrDefault(Metric).ToString("0.0000", CultureInfo.InvariantCulture);
            var info = engine.Registry.Register(run.Model, path, run.Id, $"encore demo: {Metric} {score} on the holdout");
            engine.Registry.Activate(info.Name, info.Version);
            var can = string.Join(", ", new[] { model is ISimilarItems ? "similar" : null, model is IExplainer ? "explain" : null }.OfType<string>());
            lines.Add($"{run.Model,-12} {Metric} {score}  run {run.Id}{(can.Length > 0 ? $"  ({can})" : "")}{(run == best ? "  default" : "")}");
        }
        return lines;
    }

    /// <summary>A ready curl command that posts one "like" of a known user for a known track.</summary>
    public static string CurlLine(string baseUrl, string key, MusicDataset world)
    {
        var user = world.Users.Count > 0 ? world.Users[0] : "u1";
        var track = world.Tracks.Count > 1 ? world.Tracks[1] : "t1";
        return $"curl -X POST {baseUrl}/api/events -H 'X-Api-Key: {key}' -H 'Content-Type: application/json' -d '{{\"user\":\"{user}\",\"track\":\"{track}\",\"kind\":\"like\"}}'";
    }
}

using System.Net;
using System.Text.Json;
using Encore.Core.Interactions;
using Encore.Core.Randomness;
using Encore.Data.Aggregation;
using Encore.Data.Synthetic;
using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Files;

namespace Encore.Server.Tests.Experiments;

/// <summary>
/// The A/B done-when over the real server (HTTP, store, attribution, report). The synthetic world (600 users) knows
/// each user's true affinity to each track; the simulated user plays a shown track with probability
/// σ((affinity − μ) / s − 2) (μ, s over random pairs) and skips 30 % of the rest, and sends the events to
/// /api/events. "good" is ALS trained on this world; "unrelated" is ALS trained on a world with another seed (same
/// ids, unrelated tastes): a planted worse model. Planted: unrelated (control) vs good must be significant with the
/// right sign; A/A: good vs good (another experiment, another salt) must not be. Seeded and deterministic; the
/// false-positive rate over 200 repeats is measured by <c>encore experiments simulate</c> (docs/experiments.md).
/// </summary>
public sealed class ExperimentSignificanceTests
{
    private const int Users = 600;
    private const int Sessions = 2;
    private const int K = 10;

    private static readonly SyntheticWorldOptions Options = SyntheticWorldOptions.Tiny with { Users = Users, TargetEvents = 24_000 };

    private static readonly Lazy<(SyntheticWorld World, string Good, string Unrelated, double Mean, double Sd)> Setup = new(() =>
    {
        var world = SyntheticWorld.Generate(Options);
        var folder = Path.Combine(Path.GetTempPath(), "encore-ab-models-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string Train(SyntheticWorld w, string file)
        {
            var matrix = InteractionAggregator.Aggregate(w.Dataset);
            var path = Path.Combine(folder, file);
            ModelFile.Save(new AlsTrainer(new AlsOptions { Factors = 16, Iterations = 8, Seed = 7, Threads = 1 }).Fit(new TrainingData(matrix.Matrix, matrix.Users, matrix.Items)), path);
            return path;
        }
        var rng = new Rng(99);
        var values = new double[20_000];
        for (var i = 0; i < values.Length; i++) values[i] = world.TrueAffinity(rng.NextInt(Users), rng.NextInt(world.Options.Tracks));
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return (world, Train(world, "good.bin"), Train(SyntheticWorld.Generate(Options with { Seed = 4242 }), "unrelated.bin"), mean, sd);
    });

    [Fact]
    public async Task PlantedBetterVariant_IsSignificant_IdenticalVariants_AreNot()
    {
        var setup = Setup.Value;
        await using var server = await TestServer.StartAsync(preload: false);
        await Admin(server, HttpMethod.Post, "/api/models", new { name = "good", path = setup.Good, activate = true });
        await Admin(server, HttpMethod.Post, "/api/models", new { name = "unrelated", path = setup.Unrelated, activate = true });

        var planted = await RunAsync(server, "planted", "unrelated", "good", seed: 1);
        var play = planted.GetProperty("comparisons").EnumerateArray().First(c => c.GetProperty("metric").GetString() == "play_rate").GetProperty("result");
        Assert.True(play.GetProperty("significant").GetBoolean() && play.GetProperty("difference").GetDouble() > 0, $"planted: {play}");

        var identical = await RunAsync(server, "identical", "good", "good", seed: 2);
        var aa = identical.GetProperty("comparisons").EnumerateArray().First(c => c.GetProperty("metric").GetString() == "play_rate").GetProperty("result");
        Assert.False(aa.GetProperty("significant").GetBoolean(), $"A/A: {aa}");
        var variants = identical.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal(Users, variants.Sum(v => v.GetProperty("users").GetInt32()));
        Assert.Equal((long)Users * Sessions * K, variants.Sum(v => v.GetProperty("impressions").GetInt64()));
    }

    private static async Task<JsonElement> RunAsync(TestServer server, string name, string control, string treatment, ulong seed)
    {
        var (world, _, _, mean, sd) = Setup.Value;
        await Admin(server, HttpMethod.Post, "/api/experiments", new
        {
            name,
            variants = new object[] { new { name = "control", share = 0.5, model = control }, new { name = "treatment", share = 0.5, model = treatment } },
        });
        await Admin(server, HttpMethod.Post, $"/api/experiments/{name}/start", null);
        // Four clients; each user is simulated by one of them, sessions in order, with the user's own seeded stream.
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (user, ct) =>
        {
            var id = world.Dataset.Users[user];
            var rng = new Rng(seed * 1_000_003 + (ulong)user);
            for (var session = 0; session < Sessions; session++)
            {
                using var response = await server.Client.GetAsync($"/api/users/{Uri.EscapeDataString(id)}/recommendations?k={K}", ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await Json.Read(response);
                Assert.Equal(name, body.GetProperty("experiment").GetProperty("experiment").GetString());
                var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
                var events = new List<object>();
                foreach (var track in Json.Tracks(body))
                {
                    world.Dataset.Tracks.TryGetIndex(track, out var t);
                    var p = 1 / (1 + Math.Exp(-((world.TrueAffinity(user, t) - mean) / sd - 2)));
                    var kind = rng.NextDouble() < p ? "play" : rng.NextDouble() < 0.3 ? "skip" : null;
                    if (kind is not null) events.Add(new { user = id, track, kind, timestamp = now });
                }
                if (events.Count == 0) continue;
                using var ingest = await server.Client.SendAsync(server.Request(HttpMethod.Post, "/api/events", TestServer.WriteKey, Json.Body(events)), ct);
                Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
            }
        });
        await Admin(server, HttpMethod.Post, $"/api/experiments/{name}/stop", null);
        return await Admin(server, HttpMethod.Get, $"/api/experiments/{name}/report", null);
    }

    private static async Task<JsonElement> Admin(TestServer server, HttpMethod method, string path, object? body)
    {
        using var response = await server.Client.SendAsync(server.Request(method, path, TestServer.AdminKey, body is null ? null : Json.Body(body)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} -> {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

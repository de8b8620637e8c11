using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Models.Contract;
using Encore.Models.Training;

namespace Encore.Models.Tests.Faults;

/// <summary>The small inputs of issue 12, aggregated the way <c>encore train --weights</c> does.</summary>
internal static class FaultWorlds
{
    /// <summary>
    /// Every collaborative model, small enough to train on a handful of events (fixed seeds, one thread). The
    /// content model (affinity) needs track vectors and at least 10 labelled rows, which these handfuls of
    /// events cannot give: <see cref="Content"/> is its bigger world and <c>ContentFaultTests</c> checks the
    /// same rules on it.
    /// </summary>
    public static TheoryData<string> Models => [.. ModelNames];

    /// <summary>The names behind <see cref="Models"/>.</summary>
    public static IReadOnlyList<string> ModelNames => [.. TrainerCatalog.Names.Where(n => n != ContentModel)];

    /// <summary>Every model in <see cref="TrainerCatalog"/>, the content model included.</summary>
    public static TheoryData<string> AllModels => [.. TrainerCatalog.Names];

    /// <summary>The model that needs <see cref="Content"/> instead of the tiny worlds.</summary>
    public const string ContentModel = "affinity";

    /// <summary>The disliked-track world a model can train on: <see cref="Disliked"/>, or <see cref="Content"/> for the content model.</summary>
    public static TrainingData DislikedFor(string model) => model == ContentModel ? Content() : Disliked();

    /// <summary>
    /// Issue 12 items 1 and 2 for the content model: listeners u0..u7 each play three of twelve tracks t0..t11
    /// whose 3-d vectors lie on the unit circle of the first two axes; u0..u5 also dislike tbad (weight -1,
    /// vector along the third axis, unlike every played track); uskip only skipped t0 (weight 0, kept as seen);
    /// tnone has no vector and no event. Seeded, so every run builds the same world.
    /// </summary>
    public static TrainingData Content()
    {
        string[] users = [.. Enumerable.Range(0, 8).Select(u => "u" + u), "uskip"];
        string[] items = [.. Enumerable.Range(0, 12).Select(i => "t" + i), "tbad", "tnone"];
        var events = new List<(int, int, EventKind)>();
        for (var u = 0; u < 8; u++)
        {
            for (var m = 0; m < 3; m++) events.Add((u, (u + 4 * m) % 12, EventKind.Play));
            if (u < 6) events.Add((u, 12, EventKind.Dislike));
        }
        events.Add((8, 0, EventKind.Skip));
        var data = Aggregate(users, items, [.. events], EventKindWeights.Default.With(EventKind.Dislike, -1f), ConfidenceTransform.None, keepZeros: true);
        var vectors = new float[items.Length * 3];
        for (var i = 0; i < 12; i++)
        {
            vectors[i * 3] = MathF.Cos(i * MathF.PI / 6);
            vectors[(i * 3) + 1] = MathF.Sin(i * MathF.PI / 6);
        }
        vectors[(12 * 3) + 2] = 1f;
        return new TrainingData(data.Interactions, data.Users, data.Items) { ItemFeatures = new ItemFeatures(3, vectors) };
    }

    public static IRecommender Train(string model, TrainingData data)
    {
        var settings = model switch
        {
            "als" or "bpr" or "lmf" or "warp" or "playlist-combined" => new Dictionary<string, string> { ["factors"] = "4", ["iterations"] = "5", ["threads"] = "1" },
            "ease" => new Dictionary<string, string> { ["lambda"] = "1" },
            "vae" => new Dictionary<string, string> { ["hidden"] = "8", ["latent"] = "4", ["epochs"] = "5", ["threads"] = "1" },
            ContentModel => new Dictionary<string, string> { ["threads"] = "1", ["negative-ratio"] = "2", ["standardise"] = "false" },
            _ => null,
        };
        return TrainerCatalog.Create(model, settings).Fit(data);
    }

    /// <summary>
    /// Issue 12 item 1: u1 {t1 play, tbad dislike}, u2 {t2 play, tbad dislike}, u3 {t2 play, tbad dislike},
    /// u4 {t1 play}; weights play 1, dislike -1. tbad is the most-listened-to track and the most disliked.
    /// </summary>
    public static TrainingData Disliked(ConfidenceTransform? confidence = null, bool binary = false) => Aggregate(
        ["u1", "u2", "u3", "u4"], ["t1", "t2", "tbad"],
        [(0, 0, EventKind.Play), (0, 2, EventKind.Dislike), (1, 1, EventKind.Play), (1, 2, EventKind.Dislike),
         (2, 1, EventKind.Play), (2, 2, EventKind.Dislike), (3, 0, EventKind.Play)],
        EventKindWeights.Default.With(EventKind.Dislike, -1f), confidence ?? ConfidenceTransform.None, keepZeros: binary);

    /// <summary>
    /// Issue 12 item 2: u1 {trare}, u2..u4 {thit}, uskip skipped thit (weight 0, so no positive signal);
    /// tnone is in the catalogue only. Zero totals are kept, so uskip's skip stays "seen".
    /// </summary>
    public static TrainingData Skipped() => Aggregate(
        ["u1", "u2", "u3", "u4", "uskip"], ["trare", "thit", "tnone"],
        [(0, 0, EventKind.Play), (1, 1, EventKind.Play), (2, 1, EventKind.Play), (3, 1, EventKind.Play), (4, 1, EventKind.Skip)],
        EventKindWeights.Default, ConfidenceTransform.None, keepZeros: true);

    private static TrainingData Aggregate(string[] users, string[] items, (int User, int Item, EventKind Kind)[] events,
        EventKindWeights weights, ConfidenceTransform confidence, bool keepZeros)
    {
        var builder = new EventTableBuilder();
        foreach (var (u, i, kind) in events) builder.Add(u, i, kind);
        InteractionMatrix m = InteractionAggregator.Aggregate(builder.Build(), IdMap.FromIds(users), IdMap.FromIds(items),
            new AggregationOptions { Weights = weights, Confidence = confidence, KeepZeroScores = keepZeros });
        return new TrainingData(m.Matrix, m.Users, m.Items);
    }
}

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
    /// Every model, small enough to train on a handful of events (fixed seeds, one thread). The content model
    /// (affinity) is left out: it needs track vectors and at least 10 training rows, which these handfuls of
    /// events cannot give; its guards and scoring are covered by its own tests.
    /// </summary>
    public static TheoryData<string> Models => [.. ModelNames];

    /// <summary>The names behind <see cref="Models"/>.</summary>
    public static IReadOnlyList<string> ModelNames => [.. TrainerCatalog.Names.Where(n => n != "affinity")];

    public static IRecommender Train(string model, TrainingData data)
    {
        var settings = model switch
        {
            "als" or "bpr" or "lmf" => new Dictionary<string, string> { ["factors"] = "4", ["iterations"] = "5", ["threads"] = "1" },
            "ease" => new Dictionary<string, string> { ["lambda"] = "1" },
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

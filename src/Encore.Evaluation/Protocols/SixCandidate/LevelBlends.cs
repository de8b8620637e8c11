using System.Diagnostics;
using Encore.Models.Hierarchy;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>
/// SPEC S4's multi-ALS experiments: one implicit ALS per level (track, album, artist, genre), each scoring a
/// track through its own entity at that level (genres averaged), combined with equal weights as a raw sum,
/// a sum of within-list ranks, and a sum of within-list z-scores. A level absent from the catalogue is left
/// out (and reported), never imputed. No weight is learned, so nothing is fitted on validation.
/// </summary>
internal static class LevelBlends
{
    public static void Add(ScoredCandidates test, HierarchyRatings ratings, HierarchyCatalogue catalogue, SixCandidateOptions options,
        Dictionary<string, double[]> scores, Dictionary<string, double> seconds, List<string> missing, IProgress<string>? progress, CancellationToken ct)
    {
        var set = test.Set;
        var levels = new List<double[]>();
        double total = 0;
        foreach (var level in Enum.GetValues<HierarchyLevel>())
        {
            if (missing.Contains(level.ToString().ToLowerInvariant()) || ratings.At(level).NonZeros == 0) continue;
            var clock = Stopwatch.StartNew();
            var model = CollaborativeScores.FitLevel(catalogue, ratings, level, ScoredCandidates.AlsOptions(options), ct);
            var s = new double[set.Count];
            for (var i = 0; i < s.Length; i++) s[i] = model.Score(set.Users[i], set.Tracks[i]);
            var name = SixCandidateModels.Level(level);
            scores[name] = s;
            seconds[name] = clock.Elapsed.TotalSeconds;
            total += clock.Elapsed.TotalSeconds;
            levels.Add(s);
            progress?.Report($"{name}: {clock.Elapsed.TotalSeconds:0.0} s");
        }
        if (levels.Count == 0) return;
        var raw = new double[set.Count];
        var rank = new double[set.Count];
        var norm = new double[set.Count];
        foreach (var s in levels)
        {
            var r = BlockScores.Ranks(s, set.BlockSize);
            var z = BlockScores.ZScores(s, set.BlockSize);
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] += double.IsNaN(s[i]) ? 0 : s[i];
                rank[i] += r[i];
                norm[i] += z[i];
            }
        }
        scores[SixCandidateModels.BlendRaw] = raw;
        scores[SixCandidateModels.BlendRank] = rank;
        scores[SixCandidateModels.BlendNormalised] = norm;
        foreach (var n in new[] { SixCandidateModels.BlendRaw, SixCandidateModels.BlendRank, SixCandidateModels.BlendNormalised }) seconds[n] = total;
    }
}

using System.Diagnostics;
using Encore.Core.Ids;
using Encore.Data.Model;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Protocols.Playlists;

/// <summary>Mean scores of one model over one category's test playlists (or over all of them).</summary>
/// <param name="Category">Category name, or "overall".</param>
/// <param name="Playlists">Number of test playlists scored.</param>
/// <param name="RPrecision">Mean R-precision with artist partial credit.</param>
/// <param name="Ndcg">Mean challenge NDCG over 500 recommendations.</param>
/// <param name="Clicks">Mean recommended-songs clicks (0..51, lower is better).</param>
/// <param name="HitRate100">Share of playlists with a withheld track among the first 100 (SPEC S5's measure).</param>
public sealed record ChallengeScore(string Category, int Playlists, double RPrecision, double Ndcg, double Clicks, double HitRate100);

/// <summary>One model's result under a playlist protocol: scores per category and overall, and its fit time.</summary>
public sealed record ChallengeModelResult(string Model, IReadOnlyList<ChallengeScore> Categories, ChallengeScore Overall, double FitSeconds);

/// <summary>
/// Trains each model on a <see cref="ChallengeSplit"/>'s playlists x tracks matrix (playlists as users), asks it for
/// 500 tracks per test playlist with the seeds excluded, and scores them with <see cref="PlaylistChallengeMetrics"/>.
/// Every model's list is completed to 500 the same way (<see cref="TitleFill"/>: same-title playlists, then popularity),
/// so title-only playlists, which give a model no history, are answered from their title.
/// </summary>
public static class ChallengeRunner
{
    /// <summary>Runs every candidate; <paramref name="progress"/> gets one line per model.</summary>
    public static IReadOnlyList<ChallengeModelResult> Run(ChallengeSplit split, MusicDataset dataset, IReadOnlyList<ModelCandidate> candidates,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        if (split.Tests.Count == 0) throw new Core.Errors.EncoreException("no test playlist: no playlist has enough distinct tracks for any category.");
        var data = new TrainingData(split.Train, dataset.Playlists, dataset.Tracks);
        var artists = dataset.TrackInfo.Artists;
        var fill = new TitleFill(dataset.PlaylistInfo, split.Train, split.Tests.Select(t => t.Playlist));
        var results = new List<ChallengeModelResult>();
        foreach (var candidate in candidates)
        {
            var clock = Stopwatch.StartNew();
            var model = candidate.Trainer.Fit(data, null, cancellationToken);
            var fit = clock.Elapsed.TotalSeconds;
            var result = Score(model, split, artists, candidate.Name, fit, fill, cancellationToken);
            progress?.Report(FormattableString.Invariant($"{candidate.Name}: fit {fit:F2} s, R-precision {result.Overall.RPrecision:F4}, NDCG {result.Overall.Ndcg:F4}, clicks {result.Overall.Clicks:F2}"));
            results.Add(result);
        }
        return results;
    }

    /// <summary>Scores a fitted model on the split's test playlists.</summary>
    internal static ChallengeModelResult Score(IRecommender model, ChallengeSplit split, int[] artistOf, string name, double fitSeconds, TitleFill fill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        var rows = split.Tests.Select(t => t.Playlist).ToArray();
        var batch = model.Recommend(rows, PlaylistChallengeMetrics.ListLength, new RecommendOptions { SeenItems = split.Train }, cancellationToken);
        var sums = new double[split.CategoryNames.Count, 4];
        var counts = new int[split.CategoryNames.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var test = split.Tests[i];
            var ranked = fill.Complete(batch.ItemsOf(i), test.Playlist, split.ShowsTitle(test.Category), PlaylistChallengeMetrics.ListLength);
            var c = test.Category;
            counts[c]++;
            sums[c, 0] += PlaylistChallengeMetrics.RPrecision(ranked, test.Withheld, artistOf);
            sums[c, 1] += PlaylistChallengeMetrics.Ndcg(ranked, test.Withheld);
            sums[c, 2] += PlaylistChallengeMetrics.Clicks(ranked, test.Withheld);
            sums[c, 3] += RankingMetrics.HitRateAt(ranked, test.Withheld, HideFirstSplit.Recommendations);
        }
        var categories = new List<ChallengeScore>();
        double[] total = new double[4];
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            categories.Add(new ChallengeScore(split.CategoryNames[c], counts[c], sums[c, 0] / counts[c], sums[c, 1] / counts[c], sums[c, 2] / counts[c], sums[c, 3] / counts[c]));
            for (var m = 0; m < 4; m++) total[m] += sums[c, m];
        }
        var n = rows.Length;
        var overall = new ChallengeScore("overall", n, total[0] / n, total[1] / n, total[2] / n, total[3] / n);
        return new ChallengeModelResult(name, categories, overall, fitSeconds);
    }
}

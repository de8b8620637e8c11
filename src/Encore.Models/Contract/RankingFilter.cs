using Encore.Core.Ranking;
using Encore.Core.Sparse;

namespace Encore.Models.Contract;

/// <summary>Applies recommend filters to a dense score vector (masking with NaN) and selects the top k.</summary>
public static class RankingFilter
{
    /// <summary>Masks seen and excluded items of <paramref name="user"/> (NaN is never selected).</summary>
    public static void Apply(Span<float> scores, int user, CsrMatrix? seen, RecommendOptions options)
    {
        if (options.ExcludeSeen && seen is not null && user >= 0 && user < seen.Rows)
            foreach (var item in seen.RowIndices(user)) scores[item] = float.NaN;
        if (options.Exclude is { } exclude)
            for (var i = 0; i < exclude.Count; i++)
                if ((uint)exclude[i] < (uint)scores.Length) scores[exclude[i]] = float.NaN;
    }

    /// <summary>Masks the items of a request-time history when seen items are excluded.</summary>
    public static void ApplyHistory(Span<float> scores, ReadOnlySpan<int> history, RecommendOptions options)
    {
        if (options.ExcludeSeen)
            foreach (var item in history)
                if ((uint)item < (uint)scores.Length) scores[item] = float.NaN;
        if (options.Exclude is { } exclude)
            for (var i = 0; i < exclude.Count; i++)
                if ((uint)exclude[i] < (uint)scores.Length) scores[exclude[i]] = float.NaN;
    }

    /// <summary>Top-k of the masked scores (restricted to <paramref name="allow"/> when given) into row <paramref name="row"/>.</summary>
    public static void SelectInto(ReadOnlySpan<float> scores, IReadOnlyList<int>? allow, TopKSelector heap, RecommendationBatch batch, int row)
    {
        heap.Reset(batch.K);
        if (allow is null) heap.OfferAll(scores);
        else
            for (var i = 0; i < allow.Count; i++)
                if ((uint)allow[i] < (uint)scores.Length) heap.Offer(allow[i], scores[allow[i]]);
        batch.Counts[row] = heap.Drain(batch.Items.AsSpan(row * batch.K, batch.K), batch.Scores.AsSpan(row * batch.K, batch.K));
    }

    /// <summary>Top-k of masked scores as fresh arrays (single-request paths).</summary>
    public static (int[] Items, float[] Scores) Select(ReadOnlySpan<float> scores, IReadOnlyList<int>? allow, int k)
    {
        var batch = new RecommendationBatch(1, Math.Min(k, scores.Length));
        SelectInto(scores, allow, new TopKSelector(batch.K), batch, 0);
        return (batch.ItemsOf(0).ToArray(), batch.ScoresOf(0).ToArray());
    }
}

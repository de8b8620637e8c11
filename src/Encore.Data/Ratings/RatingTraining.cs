using Encore.Core.Sparse;

namespace Encore.Data.Ratings;

/// <summary>
/// How training uses ratings relative to the relevance threshold (<see cref="RatingSignal"/>): all values, only those at
/// or above the threshold, or those below it as negative feedback (value -1). Held-out relevance is not touched.
/// </summary>
public static class RatingTraining
{
    /// <summary>
    /// <paramref name="train"/> (transformed training values) after the rating signal; <paramref name="rawTrain"/> holds the raw
    /// scores of the same pairs, which the threshold is compared with. Auto, ignore and values return <paramref name="train"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">a matrix is null.</exception>
    public static CsrMatrix Apply(CsrMatrix train, CsrMatrix rawTrain, RatingSignal signal, float threshold)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(rawTrain);
        if (signal is not (RatingSignal.Positive or RatingSignal.Signed)) return train;
        var rows = new List<int>(train.NonZeros);
        var columns = new List<int>(train.NonZeros);
        var values = new List<float>(train.NonZeros);
        for (var u = 0; u < train.Rows; u++)
        {
            var items = train.RowIndices(u);
            var scores = train.RowValues(u);
            var rawItems = u < rawTrain.Rows ? rawTrain.RowIndices(u) : [];
            var rawScores = u < rawTrain.Rows ? rawTrain.RowValues(u) : [];
            for (var p = 0; p < items.Length; p++)
            {
                var at = rawItems.BinarySearch(items[p]);
                var raw = at >= 0 ? rawScores[at] : scores[p];
                var below = !(raw >= threshold);
                if (below && signal == RatingSignal.Positive) continue;
                rows.Add(u);
                columns.Add(items[p]);
                values.Add(below ? -1f : scores[p]);
            }
        }
        return CsrMatrix.FromTriples(train.Rows, train.Columns, rows.ToArray(), columns.ToArray(), values.ToArray());
    }


    /// <summary>Number of stored values greater than 0 (pairs that carry positive signal).</summary>
    public static int PositiveCount(CsrMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = 0;
        foreach (var v in matrix.Values)
            if (v > 0) n++;
        return n;
    }
}

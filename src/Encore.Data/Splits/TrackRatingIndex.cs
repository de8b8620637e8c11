using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Data.Splits;

/// <summary>
/// Track-level ratings indexed per user: the best value per (user, track), how many rating rows each pair
/// has, rating rows per user (all levels) and each track's popularity (users who rated it at or above the
/// threshold). NaN ratings count as rated but never as liked.
/// </summary>
internal sealed class TrackRatingIndex
{
    private TrackRatingIndex(CsrMatrix best, CsrMatrix rowCounts, int[] rowsPerUser, double[] cumulativePopularity)
    {
        Best = best;
        RowCounts = rowCounts;
        RowsPerUser = rowsPerUser;
        CumulativePopularity = cumulativePopularity;
    }

    public CsrMatrix Best { get; }
    public CsrMatrix RowCounts { get; }
    public int[] RowsPerUser { get; }

    /// <summary>Prefix sums of popularity: entry t = popularity of tracks 0..t.</summary>
    public double[] CumulativePopularity { get; }

    public int UserCount => Best.Rows;

    public static TrackRatingIndex Build(RatingTable ratings, int trackCount, float threshold)
    {
        var userCount = 0;
        foreach (var u in ratings.Users) userCount = Math.Max(userCount, u + 1);
        var rowsPerUser = new int[userCount];
        var users = new List<int>();
        var tracks = new List<int>();
        var values = new List<float>();
        for (var r = 0; r < ratings.Count; r++)
        {
            rowsPerUser[ratings.Users[r]]++;
            if (ratings.Levels[r] != EntityLevel.Track) continue;
            users.Add(ratings.Users[r]);
            tracks.Add(ratings.Targets[r]);
            var v = ratings.Values[r];
            values.Add(float.IsNaN(v) ? float.NegativeInfinity : v);
        }
        var u2 = users.ToArray();
        var t2 = tracks.ToArray();
        var best = CsrMatrix.FromTriples(userCount, trackCount, u2, t2, values.ToArray(), DuplicatePolicy.Max);
        var ones = new float[u2.Length];
        ones.AsSpan().Fill(1f);
        var counts = CsrMatrix.FromTriples(userCount, trackCount, u2, t2, ones, DuplicatePolicy.Sum);

        var cumulative = new double[trackCount];
        var columns = best.ColumnIndices;
        var bestValues = best.Values;
        for (var p = 0; p < columns.Length; p++)
            if (bestValues[p] >= threshold) cumulative[columns[p]]++;
        for (var t = 1; t < trackCount; t++) cumulative[t] += cumulative[t - 1];
        return new TrackRatingIndex(best, counts, rowsPerUser, cumulative);
    }

    public bool Rated(int user, int track) => Best.RowIndices(user).BinarySearch(track) >= 0;

    /// <summary>The track whose popularity interval contains x in [0, total popularity).</summary>
    public int TrackAt(double x)
    {
        var cumulative = CumulativePopularity;
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}

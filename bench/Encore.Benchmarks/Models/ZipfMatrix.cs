using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Benchmarks.Models;

/// <summary>
/// A seeded users x items binary matrix with Zipf(1) item popularity, the PEERS synthetic shape
/// (50,000 x 20,000, about 1.6M distinct pairs): popular items co-occur with most others, as in real data.
/// </summary>
internal static class ZipfMatrix
{
    public static CsrMatrix Create(int users, int items, int pairs, ulong seed)
    {
        var cumulative = new double[items];
        double total = 0;
        for (var i = 0; i < items; i++) cumulative[i] = total += 1.0 / (i + 1);
        var rng = new Rng(seed);
        var rows = new int[pairs];
        var columns = new int[pairs];
        var values = new float[pairs];
        for (var p = 0; p < pairs; p++)
        {
            rows[p] = rng.NextInt(users);
            var at = Array.BinarySearch(cumulative, rng.NextDouble() * total);
            columns[p] = Math.Min(items - 1, at < 0 ? ~at : at);
            values[p] = 1f;
        }
        return CsrMatrix.FromTriples(users, items, rows, columns, values, DuplicatePolicy.Max);
    }
}

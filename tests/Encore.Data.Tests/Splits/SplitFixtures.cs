using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Data.Model;

namespace Encore.Data.Tests.Splits;

internal static class SplitFixtures
{
    /// <summary>Random events with many time ties and a few unknown times.</summary>
    public static EventTable RandomEvents(int count, int users, int items, ulong seed = 7)
    {
        var rng = new Rng(seed);
        var b = new EventTableBuilder();
        for (var e = 0; e < count; e++)
        {
            var time = rng.NextInt(50) == 0 ? Missing.Time : 1_000L * rng.NextInt(300);
            b.Add(rng.NextInt(users), rng.NextInt(items), EventKind.Play, time);
        }
        return b.Build();
    }

    public static EventTable Events(params (int User, int Item, long Time)[] rows)
    {
        var b = new EventTableBuilder();
        foreach (var (u, i, t) in rows) b.Add(u, i, EventKind.Play, t);
        return b.Build();
    }

    /// <summary>Random user x item matrix where user u has about u % 12 items (so 0- and 1-item users exist).</summary>
    public static CsrMatrix RandomMatrix(int users = 60, int items = 40, ulong seed = 11)
    {
        var rng = new Rng(seed);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        for (var u = 0; u < users; u++)
        {
            for (var k = 0; k < u % 12; k++)
            {
                rows.Add(u);
                cols.Add(rng.NextInt(items));
                vals.Add(1 + rng.NextInt(9));
            }
        }
        return CsrMatrix.FromTriples(users, items, rows.ToArray(), cols.ToArray(), vals.ToArray(), DuplicatePolicy.Max);
    }

    /// <summary>Asserts the row arrays cover 0..n-1 exactly once.</summary>
    public static void AssertPartition(int n, params int[][] parts)
    {
        var seen = new int[n];
        foreach (var part in parts)
            foreach (var r in part) seen[r]++;
        Assert.All(seen, c => Assert.Equal(1, c));
    }

    /// <summary>Asserts the stored entries of the parts are disjoint and add up to the input.</summary>
    public static void AssertEntryPartition(CsrMatrix input, params CsrMatrix[] parts)
    {
        Assert.Equal(input.NonZeros, parts.Sum(p => p.NonZeros));
        foreach (var p in parts)
        {
            Assert.Equal(input.Rows, p.Rows);
            Assert.Equal(input.Columns, p.Columns);
        }
        for (var u = 0; u < input.Rows; u++)
        {
            var cols = input.RowIndices(u).ToArray();
            var vals = input.RowValues(u).ToArray();
            for (var j = 0; j < cols.Length; j++)
            {
                var c = cols[j];
                var holders = parts.Count(p => p.RowIndices(u).BinarySearch(c) >= 0);
                Assert.Equal(1, holders);
                Assert.Equal(vals[j], parts.Sum(p => p.Get(u, c)));
            }
        }
    }

    public static bool SameMatrix(CsrMatrix a, CsrMatrix b) =>
        a.Offsets.SequenceEqual(b.Offsets) && a.ColumnIndices.SequenceEqual(b.ColumnIndices) && a.Values.SequenceEqual(b.Values);
}

using Encore.Core.Randomness;

namespace Encore.Benchmarks.Core;

/// <summary>Seeded uniform (user, item, value) triples shared by the CSR benchmarks and the peak-memory probe.</summary>
internal sealed class RandomTriples
{
    public const int Users = 100_000;
    public const int Items = 50_000;

    private RandomTriples(int[] rows, int[] columns, float[] values)
    {
        Rows = rows;
        Columns = columns;
        Values = values;
    }

    public int[] Rows { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public static RandomTriples Create(int count, ulong seed)
    {
        var rng = new Rng(seed);
        var rows = new int[count];
        var columns = new int[count];
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = rng.NextInt(Users);
            columns[i] = rng.NextInt(Items);
            values[i] = 1 + rng.NextInt(5);
        }
        return new RandomTriples(rows, columns, values);
    }
}

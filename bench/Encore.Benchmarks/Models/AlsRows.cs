using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Benchmarks.Models;

/// <summary>
/// Seeded ALS inputs shaped like PEERS.md's synthetic set: 20,000 items with small random factors and user
/// rows of log-normal length (mean about 32 nonzeros, as 1.6M pairs / 50k users) with play-count values.
/// </summary>
internal sealed class AlsRows
{
    public const int Items = 20_000;

    private AlsRows(CsrMatrix rows, float[] itemFactors, float[] userFactors)
    {
        Rows = rows;
        ItemFactors = itemFactors;
        UserFactors = userFactors;
    }

    public CsrMatrix Rows { get; }

    public float[] ItemFactors { get; }

    public float[] UserFactors { get; }

    public static AlsRows Create(int users, int d, ulong seed)
    {
        var rng = new Rng(seed);
        var rowIndices = new List<int>();
        var columns = new List<int>();
        var values = new List<float>();
        for (var u = 0; u < users; u++)
        {
            var length = Math.Clamp((int)Math.Round(Math.Exp(2.9 + 0.9 * rng.NextGaussian())), 1, 2_000);
            for (var k = 0; k < length; k++)
            {
                rowIndices.Add(u);
                columns.Add(rng.NextInt(Items));
                values.Add(1 + rng.NextInt(20));
            }
        }
        var matrix = CsrMatrix.FromTriples(users, Items, rowIndices.ToArray(), columns.ToArray(), values.ToArray());
        return new AlsRows(matrix, Factors(Items, d, ref rng, 0.3f), Factors(users, d, ref rng, 0.3f));
    }

    private static float[] Factors(int rows, int d, ref Rng rng, float scale)
    {
        var factors = new float[rows * d];
        for (var i = 0; i < factors.Length; i++) factors[i] = scale * (float)rng.NextGaussian();
        return factors;
    }
}

using System.Numerics.Tensors;

namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// A float16 (IEEE binary16) factor-major copy of row-major factors: half the bytes of a float32 factor-major copy,
/// so scoring every item streams half the memory. Scores are formed tile by tile: <see cref="TileItems"/> columns are
/// widened to float32 into a caller's scratch tile and scored by <see cref="ScoreKernel.One"/>.
/// <see cref="ErrorBound"/> bounds |half-path score - float32-path score| for a user vector, so a caller can rescore
/// exactly every item that could be in the float32 top-k (<see cref="FactorModel"/>'s reduced-precision top-k).
/// </summary>
internal sealed class HalfFactors
{
    /// <summary>Items widened and scored per tile (a multiple of <see cref="ScoreKernel.Step"/>).</summary>
    public const int TileItems = 256;

    // binary16: unit roundoff 2^-11 for normal numbers; absolute error <= 2^-25 in the subnormal range; finite below 65504.
    private const double HalfUnitRoundoff = 1.0 / 2048;
    private const double HalfSubnormalError = 1.0 / (1 << 25);
    private const float HalfMax = 65504f;

    public HalfFactors(ReadOnlySpan<float> rowMajor, int rows, int d)
    {
        Rows = rows;
        Dimensions = d;
        Stride = (rows + TileItems - 1) / TileItems * TileItems;
        Data = new Half[(long)Stride * d];
        var maxNorm = 0.0;
        var representable = true;
        for (var r = 0; r < rows; r++)
        {
            var row = rowMajor.Slice(r * d, d);
            double norm = 0;
            for (var f = 0; f < d; f++)
            {
                var y = row[f];
                if (!(Math.Abs(y) < HalfMax)) representable = false;
                Data[(long)f * Stride + r] = (Half)y;
                norm += (double)y * y;
            }
            maxNorm = Math.Max(maxNorm, Math.Sqrt(norm));
        }
        MaxRowNorm = maxNorm;
        Representable = representable;
    }

    public int Rows { get; }

    public int Dimensions { get; }

    /// <summary>Columns per factor row (rows rounded up to <see cref="TileItems"/>, zero padded).</summary>
    public int Stride { get; }

    /// <summary>d rows of <see cref="Stride"/> float16 values.</summary>
    public Half[] Data { get; }

    /// <summary>Largest Euclidean norm of a factor row (float32 values).</summary>
    public double MaxRowNorm { get; }

    /// <summary>False when some factor is not finite or too large for float16 (callers then keep the float32 path).</summary>
    public bool Representable { get; }

    /// <summary>Length of the scratch tile <see cref="Score"/> needs: d x <see cref="TileItems"/> floats.</summary>
    public int ScratchLength => Dimensions * TileItems;

    /// <summary>Scores every row for <paramref name="user"/> (d floats) into <paramref name="scores"/> (length <see cref="Rows"/>).</summary>
    /// <exception cref="ArgumentException">Span lengths do not fit.</exception>
    public void Score(ReadOnlySpan<float> user, Span<float> scores, Span<float> scratch, Span<float> tail)
    {
        var d = Dimensions;
        if (user.Length != d || scores.Length != Rows || scratch.Length < ScratchLength || tail.Length < TileItems)
            throw new ArgumentException("half-precision scoring called with buffers that do not fit the factors.");
        for (var t0 = 0; t0 < Rows; t0 += TileItems)
        {
            for (var f = 0; f < d; f++)
                TensorPrimitives.ConvertToSingle(Data.AsSpan((int)((long)f * Stride + t0), TileItems), scratch.Slice(f * TileItems, TileItems));
            var count = Math.Min(TileItems, Rows - t0);
            if (count == TileItems) ScoreKernel.One(user, d, scratch, TileItems, 0, TileItems, scores.Slice(t0, TileItems));
            else
            {
                ScoreKernel.One(user, d, scratch, TileItems, 0, TileItems, tail);
                tail[..count].CopyTo(scores.Slice(t0, count));
            }
        }
    }

    /// <summary>
    /// An upper bound on |s_half - s_float| for every row, where s_float is the float32 score (fma over f in order) and
    /// s_half the same with the row rounded to float16: with u = 2^-11 and g = d 2^-24 / (1 - d 2^-24) (Higham's
    /// gamma_d for the float32 sums), |s_half - s_float| &lt;= |x| (u + 2 g (1 + u)) max|y| + |x| sqrt(d) 2^-25 (1 + g)
    /// by Cauchy-Schwarz, doubled here for safety.
    /// </summary>
    public float ErrorBound(ReadOnlySpan<float> user)
    {
        double norm = 0;
        foreach (var x in user) norm += (double)x * x;
        norm = Math.Sqrt(norm);
        var d = Dimensions;
        var gamma = d * Math.Pow(2, -24) / (1 - d * Math.Pow(2, -24));
        var bound = norm * ((HalfUnitRoundoff + 2 * gamma * (1 + HalfUnitRoundoff)) * MaxRowNorm + Math.Sqrt(d) * HalfSubnormalError * (1 + gamma));
        return (float)(2 * bound);
    }
}

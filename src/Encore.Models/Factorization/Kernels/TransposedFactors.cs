namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// Factor-major copy of a row-major factor matrix (d rows of <see cref="Stride"/> columns, zero padded to a
/// multiple of <see cref="ScoreKernel.Step"/>), the layout the scoring kernels stream through.
/// </summary>
internal sealed class TransposedFactors
{
    public TransposedFactors(ReadOnlySpan<float> rowMajor, int rows, int d)
    {
        Rows = rows;
        Dimensions = d;
        Stride = (rows + ScoreKernel.Step - 1) / ScoreKernel.Step * ScoreKernel.Step;
        Data = new float[(long)Stride * d];
        for (var r = 0; r < rows; r++)
        {
            var row = rowMajor.Slice(r * d, d);
            for (var f = 0; f < d; f++) Data[f * Stride + r] = row[f];
        }
    }

    public int Rows { get; }

    public int Dimensions { get; }

    public int Stride { get; }

    public float[] Data { get; }

    /// <summary>Factor f across all rows (length <see cref="Stride"/>).</summary>
    public ReadOnlySpan<float> Factor(int f) => Data.AsSpan(f * Stride, Stride);
}

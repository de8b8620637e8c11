namespace Encore.Models.Factorization.Kernels;

/// <summary>
/// The float32 scoring copy of item factors: items sorted by decreasing Euclidean norm, stored in panels of
/// <see cref="Width"/> items, each panel factor-major (d rows of <see cref="Width"/> floats, one contiguous
/// d x 64 x 4-byte block), so a scan is one sequential stream and every panel is a block the
/// <see cref="ScoreKernel"/> kernels read with stride <see cref="Width"/>. Padding slots (the last panel) hold zero
/// factors and item id -1.
/// <para>
/// Early termination (norm-bounded maximum inner product search): by Cauchy-Schwarz, u . y &lt;= |u| |y|, and the
/// float32 fma chain of d terms differs from the exact dot product by at most gamma_d |u| |y| with
/// gamma_d = d 2^-24 / (1 - d 2^-24) (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 3.5).
/// <see cref="Bound"/> returns |u| |y| (1 + 2 gamma_d) + 2^-100 for the largest norm of a panel and every later one:
/// once a user's k-th best score is above it, no later item can enter the top k, ties by smaller id included.
/// </para>
/// </summary>
internal sealed class NormPanels
{
    /// <summary>Items per panel (four <see cref="ScoreKernel.Step"/> blocks, one step of <see cref="ScoreKernel.One"/>).</summary>
    public const int Width = 64;

    private readonly double _margin;

    /// <param name="rowMajor">rows x d item factors, row-major.</param>
    /// <param name="rows">Number of items.</param>
    /// <param name="d">Factors per item.</param>
    public NormPanels(ReadOnlySpan<float> rowMajor, int rows, int d)
    {
        Rows = rows;
        Dimensions = d;
        Count = (rows + Width - 1) / Width;
        var norms = new double[rows];
        var order = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = rowMajor.Slice(r * d, d);
            double sum = 0;
            for (var f = 0; f < d; f++) sum += (double)row[f] * row[f];
            // A NaN or infinite factor: first in the order, so the bounds of every later panel stay valid.
            norms[r] = double.IsFinite(sum) ? Math.Sqrt(sum) : double.PositiveInfinity;
            order[r] = r;
        }
        Array.Sort(order, (a, b) => norms[a] != norms[b] ? norms[b].CompareTo(norms[a]) : a.CompareTo(b));
        Data = new float[(long)Count * Width * d];
        Items = new int[Count * Width];
        PanelNorms = new double[Count];
        Array.Fill(Items, -1);
        for (var slot = 0; slot < rows; slot++)
        {
            var item = order[slot];
            var panel = slot / Width;
            var lane = slot % Width;
            Items[slot] = item;
            if (lane == 0) PanelNorms[panel] = norms[item];
            var row = rowMajor.Slice(item * d, d);
            var at = (long)panel * Width * d + lane;
            for (var f = 0; f < d; f++) Data[at + (long)f * Width] = row[f];
        }
        var unit = Math.ScaleB(1.0, -24);
        var gamma = d * unit / (1 - d * unit);
        _margin = 1 + 2 * gamma;
    }

    public int Rows { get; }

    public int Dimensions { get; }

    /// <summary>Number of panels.</summary>
    public int Count { get; }

    /// <summary>Panels one after another, each d x <see cref="Width"/> floats factor-major.</summary>
    public float[] Data { get; }

    /// <summary>Item id of each slot (panel x <see cref="Width"/> + lane); -1 for padding.</summary>
    public int[] Items { get; }

    /// <summary>Largest item norm of each panel (non-increasing).</summary>
    public double[] PanelNorms { get; }

    /// <summary>Panel <paramref name="panel"/>'s factors (d x <see cref="Width"/>, stride <see cref="Width"/>).</summary>
    public ReadOnlySpan<float> Panel(int panel) => Data.AsSpan(panel * Width * Dimensions, Width * Dimensions);

    /// <summary>
    /// Upper bound on the float32 score of every item in panel <paramref name="panel"/> and all later panels for a
    /// user of Euclidean norm <paramref name="userNorm"/> (NaN or infinite when the factors are: never prunes).
    /// </summary>
    public double Bound(int panel, double userNorm) => userNorm * PanelNorms[panel] * _margin + 7.9e-31;

    /// <summary>Euclidean norm of a user vector, in double.</summary>
    public static double Norm(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (var v in vector) sum += (double)v * v;
        return double.IsFinite(sum) ? Math.Sqrt(sum) : double.PositiveInfinity;
    }
}

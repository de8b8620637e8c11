using Encore.Models.Contract;
using MathNet.Numerics.LinearAlgebra;

namespace Encore.Models.Content;

/// <summary>
/// Fits a <see cref="ContentTransform"/> on the rows that carry content: column means and standard
/// deviations (population), then, for PCA, the covariance of the standardised, L2-normalised rows and its
/// singular value decomposition (Math.NET Numerics; for a symmetric PSD matrix the SVD is the eigen-
/// decomposition). Explained variance ratio = eigenvalue / trace. Component signs are fixed so the
/// largest-magnitude entry of each axis is positive, which makes the result deterministic.
/// </summary>
public static class ContentTransformFitter
{
    /// <exception cref="ArgumentException">No item carries content.</exception>
    public static ContentTransform Fit(ItemFeatures features, ContentTransformOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new ContentTransformOptions();
        var d = features.Dimension;
        var sums = new double[d];
        var squares = new double[d];
        var counts = new long[d];
        var rows = new List<int>();
        for (var i = 0; i < features.Count; i++)
        {
            var row = features.Row(i);
            var any = false;
            for (var j = 0; j < d; j++)
            {
                var x = row[j];
                if (float.IsNaN(x)) continue;
                any = true;
                sums[j] += x;
                squares[j] += (double)x * x;
                counts[j]++;
            }
            if (any) rows.Add(i);
        }
        if (rows.Count == 0) throw new ArgumentException("no item has content (every feature row is missing); import track embeddings or audio features first.", nameof(features));
        var means = new float[d];
        var scales = new float[d];
        for (var j = 0; j < d; j++)
        {
            var mean = counts[j] > 0 ? sums[j] / counts[j] : 0;
            var variance = counts[j] > 0 ? Math.Max(0, squares[j] / counts[j] - mean * mean) : 0;
            means[j] = options.Standardise ? (float)mean : 0f;
            scales[j] = options.Standardise && variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 1f;
        }
        var plain = new ContentTransform(means, scales, options.L2Normalise, [], [], d, []);
        var k = options.Components;
        if (k == 0 || k >= d) return plain;
        return WithPca(plain, features, rows, means, scales, options.L2Normalise, k);
    }

    private static ContentTransform WithPca(ContentTransform plain, ItemFeatures features, List<int> rows, float[] means, float[] scales, bool l2, int k)
    {
        var d = features.Dimension;
        var data = Matrix<double>.Build.Dense(rows.Count, d);
        var z = new float[d];
        for (var r = 0; r < rows.Count; r++)
        {
            plain.Apply(features.Row(rows[r]), z);
            for (var j = 0; j < d; j++) data[r, j] = z[j];
        }
        var mu = data.ColumnSums() / rows.Count;
        for (var r = 0; r < rows.Count; r++) data.SetRow(r, data.Row(r) - mu);
        var covariance = data.TransposeThisAndMultiply(data) / Math.Max(1, rows.Count - 1);
        var svd = covariance.Svd(computeVectors: true);
        var eigen = svd.S;
        var trace = eigen.Sum();
        var components = new float[k * d];
        var explained = new double[k];
        for (var c = 0; c < k; c++)
        {
            var axis = svd.U.Column(c);
            var sign = axis[axis.AbsoluteMaximumIndex()] < 0 ? -1.0 : 1.0;
            for (var j = 0; j < d; j++) components[c * d + j] = (float)(sign * axis[j]);
            explained[c] = trace > 0 ? eigen[c] / trace : 0;
        }
        return new ContentTransform(means, scales, l2, [.. mu.Select(v => (float)v)], components, k, explained);
    }
}

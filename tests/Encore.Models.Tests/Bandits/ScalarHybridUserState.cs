namespace Encore.Models.Tests.Bandits;

/// <summary>Per-user part of <see cref="ScalarHybridLinUcb"/>.</summary>
internal sealed class ScalarHybridUserState
{
    private readonly double[] _c;

    public ScalarHybridUserState(int d, double regularization)
    {
        Dimension = d;
        Inverse = new double[d * d];
        for (var i = 0; i < d; i++) Inverse[i * d + i] = 1 / regularization;
        Cross = new double[d * d];
        B = new double[d];
        _c = new double[d * d];
        PhiF = new float[d];
        CovarianceF = new float[d * d];
    }

    public int Dimension { get; }

    /// <summary>A_u⁻¹, row-major d x d.</summary>
    public double[] Inverse { get; }

    /// <summary>B_u = Σ x zᵀ, row-major d x k (k = d: the shared features are the track vector).</summary>
    public double[] Cross { get; }

    /// <summary>b_u = Σ r x.</summary>
    public double[] B { get; }

    public long Updates { get; private set; }

    public float[] PhiF { get; }

    public float[] CovarianceF { get; }

    /// <summary>Shared-state version the cached φ and S were computed for (-1 = never).</summary>
    public long Version { get; set; } = -1;

    /// <summary>C = A_u⁻¹ B_u (d x k), recomputed into scratch and returned.</summary>
    public double[] InverseTimesCross()
    {
        var d = Dimension;
        Array.Clear(_c);
        for (var i = 0; i < d; i++)
            for (var m = 0; m < d; m++)
            {
                var a = Inverse[i * d + m];
                if (a == 0) continue;
                for (var j = 0; j < d; j++) _c[i * d + j] += a * Cross[m * d + j];
            }
        return _c;
    }

    /// <summary>Absorbs (x, r): A_u⁻¹ by Sherman–Morrison, B_u += x xᵀ, b_u += r x.</summary>
    public void Absorb(ReadOnlySpan<float> x, double reward)
    {
        var d = Dimension;
        Span<double> ax = d <= 512 ? stackalloc double[d] : new double[d];
        double denominator = 1;
        for (var i = 0; i < d; i++)
        {
            double s = 0;
            for (var j = 0; j < d; j++) s += Inverse[i * d + j] * x[j];
            ax[i] = s;
            denominator += x[i] * s;
        }
        for (var i = 0; i < d; i++)
        {
            var f = ax[i] / denominator;
            for (var j = 0; j < d; j++) Inverse[i * d + j] -= f * ax[j];
        }
        for (var i = 0; i < d; i++)
        {
            B[i] += reward * x[i];
            for (var j = 0; j < d; j++) Cross[i * d + j] += (double)x[i] * x[j];
        }
        Updates++;
    }
}

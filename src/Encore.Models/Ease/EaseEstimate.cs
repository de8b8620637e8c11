using System.Globalization;

namespace Encore.Models.Ease;

/// <summary>
/// What fitting EASE on n items costs before it starts: the Cholesky factorisation and inverse take about n^3 flops
/// (n^3 / 3 + 2 n^3 / 3) and one dense n x n float matrix (4 n^2 bytes) is held while training.
/// </summary>
/// <param name="Items">n.</param>
/// <param name="Gflop">Floating-point work of the inverse, in 10^9 operations.</param>
/// <param name="TrainingBytes">Peak memory of the dense matrix while training.</param>
/// <param name="ModelBytes">Weights kept in the model: 4 n^2 dense, 8 n N sparse (index + value per weight).</param>
/// <param name="Backend">"OpenBLAS (libopenblas.so.0)" or "managed".</param>
/// <param name="Seconds">Rough wall time at <paramref name="GflopPerSecond"/>.</param>
/// <param name="GflopPerSecond">Assumed rate: 50 per 2 threads for OpenBLAS, 8 per 2 threads for the managed kernels (measured, bench/results/models-ease.md).</param>
public sealed record EaseEstimate(int Items, double Gflop, long TrainingBytes, long ModelBytes, string Backend, double Seconds, double GflopPerSecond)
{
    /// <summary>
    /// The estimate for <paramref name="items"/> modelled items (<see cref="EaseTrainer.ModelledItemCount"/>: the items with at least
    /// <see cref="EaseOptions.MinimumUsers"/> training users, and at least one) and the given options (threads 0 = all cores).
    /// </summary>
    public static EaseEstimate For(int items, EaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = (double)items;
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var native = Lapack.OpenBlas.IsAvailable;
        var rate = (native ? 25.0 : 4.0) * Math.Max(1, threads);
        var gflop = n * n * n / 1e9;
        var dense = 4L * items * items;
        var model = options.Neighbours > 0 && options.Neighbours < items ? 8L * items * options.Neighbours : dense;
        return new EaseEstimate(items, gflop, dense, model, native ? $"OpenBLAS ({Lapack.OpenBlas.LibraryName})" : "managed", gflop / rate, rate);
    }

    /// <summary>One line for the console.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"EASE on {Items:N0} items: about {Gflop:N0} GFLOP with {Backend} (~{Seconds:N0} s at {GflopPerSecond:N0} GFLOP/s), {TrainingBytes / 1048576.0:N0} MiB while training, model weights {ModelBytes / 1048576.0:N0} MiB");
}

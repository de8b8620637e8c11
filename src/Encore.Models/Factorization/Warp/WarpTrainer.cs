using System.Diagnostics;
using System.Globalization;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Warp;

/// <summary>
/// WARP matrix factorisation (Weston, Bengio &amp; Usunier 2011, "WSABIE"; the loss of LightFM): for each training positive
/// (u, i), uniform negatives j are drawn until s_uj &gt; s_ui - 1 or MaxSampled draws; a violator found after N draws gets
/// an Adagrad step on w log(floor((items - 1) / N)) (1 - s_ui + s_uj), s = p_u.q + b. Users without positives keep a zero
/// latent vector, so they are ranked by the learned item bias. Reports per epoch the mean weighted hinge per positive
/// and, as the validation metric, the share of positives with no violating negative in MaxSampled draws (a training
/// precision proxy). With Threads = 1 a seed gives the same model bit for bit; with more, Hogwild item updates differ
/// between runs (<see cref="WarpEpoch"/>).
/// </summary>
public sealed class WarpTrainer(WarpOptions? options = null) : IRecommenderTrainer
{
    public WarpOptions Options { get; } = options ?? new WarpOptions();

    public string ModelName => WarpModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    public WarpModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var o = Options;
        var d = o.Factors;
        var width = d + 1;
        var m = data.Signal;
        // LightFM's start ((U(0,1) - 0.5) / d, biases 0); a user without positives keeps a zero latent part.
        var (users, items) = FactorInit.ItemBiasStart(m.Rows, m.Columns, d, o.Seed);
        for (var u = 0; u < m.Rows; u++)
        {
            if (m.RowLength(u) == 0) users.AsSpan(u * width, d).Clear();
        }
        var epochRunner = new WarpEpoch(m, users, items, SampleWeights(m, o.Weighting), d, o);
        var clock = Stopwatch.StartNew();
        var advice = $"try lowering LearningRate (now {o.LearningRate.ToString(CultureInfo.InvariantCulture)}) or increasing Regularization.";
        for (var epoch = 1; epoch <= o.Iterations; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (loss, unviolated) = epochRunner.Run(epoch, cancellationToken);
            FactorChecks.EnsureFinite(users, ModelName, "user", epoch, advice);
            FactorChecks.EnsureFinite(items, ModelName, "item", epoch, advice);
            progress?.Report(new EpochReport(epoch, o.Iterations, clock.Elapsed, loss, unviolated));
        }
        return new WarpModel(data.Users, data.Items, data.Interactions, width, users, items, (float)o.Regularization) { Threads = o.Threads };
    }

    /// <summary>Per nonzero of <paramref name="m"/>: 1, or its value over the mean value (<see cref="WarpWeighting"/>).</summary>
    internal static float[] SampleWeights(CsrMatrix m, WarpWeighting weighting)
    {
        var weights = new float[m.NonZeros];
        if (weighting == WarpWeighting.Binary || m.NonZeros == 0)
        {
            Array.Fill(weights, 1f);
            return weights;
        }
        var values = m.Values;
        double sum = 0;
        for (var k = 0; k < weights.Length; k++) sum += values[k];
        var scale = weights.Length / sum;
        for (var k = 0; k < weights.Length; k++) weights[k] = (float)(values[k] * scale);
        return weights;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Vae;

/// <summary>
/// Fits Mult-VAE or Mult-DAE (Liang, Krishnan, Hoffman &amp; Jebara 2018) on the positive part of the training matrix: each
/// epoch shuffles the users with signal, and each mini-batch takes one Adam step on the mean over its users of
/// -sum_i x_ui log softmax_i(f(x_u)) + beta_t KL(q(z|x_u) || N(0, I)), beta_t rising linearly from 0 to
/// <see cref="VaeOptions.Beta"/> over <see cref="VaeOptions.AnnealSteps"/> updates (<see cref="VaeBatch"/>). The dense
/// layers run on OpenBLAS's sgemm when it is installed, else on a managed kernel. Every random draw (initial weights, the
/// users' order, the dropout masks, the reparameterisation noise) comes from streams of <see cref="ModelOptions.Seed"/>
/// drawn on one thread, so a seed and a thread count give the same model bit for bit. Progress: one report per epoch with
/// the epoch's mean loss per user (weight decay not included).
/// </summary>
public sealed class VaeTrainer(VaeOptions? options = null) : IRecommenderTrainer
{
    public VaeOptions Options { get; } = options ?? new VaeOptions();

    public string ModelName => VaeModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    /// <exception cref="ModelFitException">The layers would not fit in one array, or the loss diverged.</exception>
    public VaeModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var o = Options;
        var modelled = Modelled(data.Signal, o.MinimumUsers);
        var x = Ease.ItemSupport.KeepColumns(data.Signal, modelled);
        var users = Enumerable.Range(0, x.Rows).Where(u => x.RowLength(u) > 0).ToArray();
        int k = modelled.Length, batchSize = Math.Max(1, Math.Min(o.BatchSize, users.Length));
        EnsureFits(k, o.Hidden, batchSize);
        var variational = o.Kind == VaeKind.Vae;
        var parameters = new VaeParameters(k, o.Hidden, o.Latent, variational);
        var init = Rng.Fork(o.Seed, 1);
        parameters.Initialise(ref init);
        if (users.Length == 0 || k == 0) return Model(data, modelled, parameters);

        var gradient = new VaeParameters(k, o.Hidden, o.Latent, variational);
        var first = new VaeParameters(k, o.Hidden, o.Latent, variational);
        var second = new VaeParameters(k, o.Hidden, o.Latent, variational);
        var batch = new VaeBatch(parameters, gradient, batchSize, x.NonZeros, o.Threads);
        var order = Rng.Fork(o.Seed, 2);
        var noise = Rng.Fork(o.Seed, 3);
        var batches = (users.Length + batchSize - 1) / batchSize;
        var anneal = o.AnnealSteps > 0 ? o.AnnealSteps : (long)o.Epochs * batches;
        float rate = (float)o.LearningRate, decay = (float)o.WeightDecay, dropout = (float)o.Dropout;
        var clock = Stopwatch.StartNew();
        var step = 0;
        for (var epoch = 1; epoch <= o.Epochs; epoch++)
        {
            order.Shuffle(users.AsSpan());
            double epochLoss = 0;
            for (var start = 0; start < users.Length; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var members = users.AsSpan(start, Math.Min(batchSize, users.Length - start));
                batch.Load(x, members, dropout, sample: true, ref noise);
                var beta = (float)(o.Beta * Math.Min(1.0, step / (double)anneal));
                var loss = batch.Compute(beta);
                if (!double.IsFinite(loss))
                    throw new ModelFitException(string.Create(CultureInfo.InvariantCulture,
                        $"vae: the loss became NaN or infinite in epoch {epoch}. Check that the interaction values are finite and not huge; try lowering LearningRate (now {o.LearningRate}) or Beta."));
                epochLoss += loss * members.Length;
                step++;
                for (var t = 0; t < parameters.Tensors.Length; t++)
                {
                    var w = parameters.Tensors[t];
                    var g = gradient.Tensors[t];
                    if (decay > 0 && VaeParameters.IsWeight(t)) TensorPrimitives.MultiplyAdd(w, decay, g, g);
                    Adam.Step(w, g, first.Tensors[t], second.Tensors[t], step, rate);
                }
            }
            progress?.Report(new EpochReport(epoch, o.Epochs, clock.Elapsed, epochLoss / users.Length));
        }
        return Model(data, modelled, parameters);
    }

    private VaeModel Model(TrainingData data, int[] modelled, VaeParameters parameters) =>
        new(data.Users, data.Items, data.Interactions, Options.Kind, modelled, VaeNetwork.From(parameters)) { Threads = Options.Threads };

    /// <summary>Item ids (ascending) with at least max(1, <paramref name="minimumUsers"/>) users with a positive value.</summary>
    internal static int[] Modelled(CsrMatrix signal, int minimumUsers)
    {
        var counts = signal.ColumnCounts();
        var kept = new List<int>();
        for (var item = 0; item < counts.Length; item++)
            if (counts[item] >= Math.Max(1, minimumUsers)) kept.Add(item);
        return [.. kept];
    }

    /// <summary>Refuses networks whose items x hidden layers or batch x items logits exceed one .NET array.</summary>
    internal static void EnsureFits(int items, int hidden, int batchSize)
    {
        if ((long)items * hidden <= Array.MaxLength && (long)items * batchSize <= Array.MaxLength) return;
        throw new ModelFitException(string.Create(CultureInfo.InvariantCulture,
            $"vae: {items:N0} items x {hidden:N0} hidden units (or x {batchSize:N0} users a batch) exceed the largest array .NET can hold; lower Hidden or BatchSize, or raise MinimumUsers to model fewer items."));
    }
}

using System.Diagnostics;
using System.Globalization;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// Bayesian personalised ranking with matrix factorisation and an item bias (Rendle et al. 2009): SGD on
/// -log sigmoid(x_ui - x_uj) for observed i and sampled unobserved j. The training matrix values only
/// mark which pairs are positive. Reports per epoch the mean loss and the share of sampled triples that
/// were already ranked correctly (a training AUC estimate) as the validation metric.
/// </summary>
public sealed class BprTrainer(BprOptions? options = null) : IRecommenderTrainer
{
    public BprOptions Options { get; } = options ?? new BprOptions();

    public string ModelName => BprModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    public BprModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var m = data.Signal;
        var (thin, thinChoices) = BprThinRowsRule.Choose(m, Options);
        var (o, denseChoices) = BprDenseRule.Choose(m, Options, thin);
        IReadOnlyList<DataChoice> choices = [.. thinChoices, .. denseChoices];
        var d = o.Factors;
        var width = d + 1;
        // Small symmetric start as implicit does: (U(0,1) - 0.5) / d; user bias column fixed at 1, item bias 0.
        var (users, items) = FactorInit.ItemBiasStart(m.Rows, m.Columns, d, o.Seed);

        // Training layout: latent rows on cache lines and the item biases apart (copied back at the end).
        var userRows = new AlignedRows(m.Rows, d);
        var itemRows = new AlignedRows(m.Columns, d);
        userRows.CopyFrom(users, width);
        itemRows.CopyFrom(items, width);
        var itemBias = new float[m.Columns];
        Action<int, Action<int, double, double>, CancellationToken> run = o.Order == SampleOrder.ByUser
            ? new BprUserEpoch(m, userRows, itemRows, itemBias, o).Run
            : new BprEpoch(m, RowOfEntry(m), userRows, itemRows, itemBias, o).Run;
        var clock = Stopwatch.StartNew();
        var advice = $"try lowering LearningRate (now {o.LearningRate.ToString(CultureInfo.InvariantCulture)}) or increasing Regularization.";
        cancellationToken.ThrowIfCancellationRequested();
        // One team of workers runs every epoch; the checks and the progress report run between epochs while it waits. The
        // factors are read in full only after an epoch whose loss is not finite (a step scored a NaN or infinite x: a row
        // it read had diverged; BprLossSum) or without a step, and after the last epoch: not every epoch on one thread.
        run(o.Iterations, (epoch, loss, auc) =>
        {
            if (!double.IsFinite(loss) || epoch == o.Iterations)
            {
                FactorChecks.EnsureFinite(userRows.All, ModelName, "user", epoch, advice);
                FactorChecks.EnsureFinite(itemRows.All, ModelName, "item", epoch, advice);
                FactorChecks.EnsureFinite(itemBias, ModelName, "item", epoch, advice);
            }
            progress?.Report(new EpochReport(epoch, o.Iterations, clock.Elapsed, loss, auc));
        }, cancellationToken);
        userRows.CopyTo(users, width);
        itemRows.CopyTo(items, width);
        for (var i = 0; i < m.Columns; i++) items[i * width + d] = itemBias[i];
        return new BprModel(data.Users, data.Items, data.Interactions, width, users, items, (float)o.Regularization) { Threads = o.Threads, DataChoices = choices };
    }

    // The user of every nonzero (the Pairs order draws a nonzero, then needs its row).
    private static int[] RowOfEntry(Encore.Core.Sparse.CsrMatrix m)
    {
        var rowOfEntry = new int[m.NonZeros];
        for (var u = 0; u < m.Rows; u++) rowOfEntry.AsSpan(m.Offsets[u], m.RowLength(u)).Fill(u);
        return rowOfEntry;
    }
}

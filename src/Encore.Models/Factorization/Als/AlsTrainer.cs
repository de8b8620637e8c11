using System.Diagnostics;
using Encore.Models.Contract;
using Encore.Models.Factorization.Kernels;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// Implicit-feedback alternating least squares (Hu, Koren, Volinsky 2008): minimises
/// sum_ui c_ui (p_ui - x_u.y_i)^2 + lambda (|X|^2 + |Y|^2) with c = 1 + alpha r and p = [r > 0], where r are
/// the (already transformed) values of the training matrix. With <see cref="AlsOptions.Social"/> &gt; 0 and user links in
/// <see cref="TrainingData.Side"/>, the user step adds SocialMF's pull towards the friends' mean factors
/// (<see cref="SocialRegularization"/>). Deterministic for a seed, whatever the thread count.
/// </summary>
public sealed class AlsTrainer(AlsOptions? options = null) : IRecommenderTrainer
{
    public AlsOptions Options { get; } = options ?? new AlsOptions();

    public string ModelName => AlsModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    public AlsModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var userItems = data.Signal;
        var chosen = AlsRegularizationRule.Choose(userItems, Options);
        var o = chosen is null ? Options : Options with { Regularization = chosen.Penalty };
        var d = o.Factors;
        var itemUsers = userItems.Transpose();
        var users = FactorInit.Uniform(data.UserCount, d, o.Seed, 0, 0f, 0.01f);
        var items = FactorInit.Uniform(data.ItemCount, d, o.Seed, FactorInit.ItemStreams, 0f, 0.01f);
        var gram = new GramBuffers(d);
        // The half copy serves both sides: sized once for the larger one when the gathers will read it.
        var larger = Math.Max(users.Length, items.Length);
        if (o.GatherPrecision != GatherPrecision.Single && (long)larger * sizeof(float) >= AlsHalfStep.HalfGatherFromBytes) gram.Half.Reserve(larger);
        var links = o.Social > 0 ? data.Side?.UserLinks : null;
        var social = links is null ? null : new SocialRegularization(links, d, (float)o.Social);
        var clock = Stopwatch.StartNew();
        var advice = $"try increasing Regularization (now {o.Regularization.ToString(System.Globalization.CultureInfo.InvariantCulture)}) or lowering Alpha.";
        for (var epoch = 1; epoch <= o.Iterations; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AlsHalfStep.Run(userItems, users, items, d, o, gram, social, cancellationToken);
            FactorChecks.EnsureFinite(users, ModelName, "user", epoch, advice);
            AlsHalfStep.Run(itemUsers, items, users, d, o, gram, cancellationToken);
            FactorChecks.EnsureFinite(items, ModelName, "item", epoch, advice);
            var loss = o.CalculateLoss ? AlsLoss.Compute(userItems, users, items, d, o, cancellationToken) : double.NaN;
            progress?.Report(new EpochReport(epoch, o.Iterations, clock.Elapsed, loss));
        }
        return new AlsModel(data.Users, data.Items, data.Interactions, d, users, items, (float)o.Alpha, (float)o.Regularization)
        {
            Threads = o.Threads,
            DataChoices = chosen is null ? [] : [chosen.Choice],
        };
    }
}

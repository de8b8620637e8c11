using System.Diagnostics;
using System.Globalization;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Lmf;

/// <summary>
/// Logistic matrix factorisation (Johnson 2014) trained on positives and sampled negatives with Adagrad:
/// P(interaction) = sigmoid(p_u.q_i + b_u + b_i). Reports the mean log loss per sampled pair each epoch.
/// </summary>
public sealed class LmfTrainer(LmfOptions? options = null) : IRecommenderTrainer
{
    public LmfOptions Options { get; } = options ?? new LmfOptions();

    public string ModelName => LmfModel.Name;

    IRecommender IRecommenderTrainer.Fit(TrainingData data, IProgress<EpochReport>? progress, CancellationToken cancellationToken) =>
        Fit(data, progress, cancellationToken);

    public LmfModel Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var o = Options;
        var d = o.Factors;
        var width = d + 2;
        var m = data.Signal;
        var scale = 0.5f / d;
        var users = FactorInit.Uniform(m.Rows, width, o.Seed, 0, -scale, scale);
        var items = FactorInit.Uniform(m.Columns, width, o.Seed, FactorInit.ItemStreams, -scale, scale);
        for (var u = 0; u < m.Rows; u++)
        {
            users[u * width + d] = 1f;
            users[u * width + d + 1] = 0f;
        }
        for (var i = 0; i < m.Columns; i++)
        {
            items[i * width + d] = 0f;
            items[i * width + d + 1] = 1f;
        }
        var epochRunner = new LmfEpoch(m, users, items, new float[users.Length], new float[items.Length], d, o);
        var clock = Stopwatch.StartNew();
        var advice = $"try lowering LearningRate (now {o.LearningRate.ToString(CultureInfo.InvariantCulture)}) or increasing Regularization.";
        for (var epoch = 1; epoch <= o.Iterations; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var loss = epochRunner.Run(epoch, cancellationToken);
            FactorChecks.EnsureFinite(users, ModelName, "user", epoch, advice);
            FactorChecks.EnsureFinite(items, ModelName, "item", epoch, advice);
            progress?.Report(new EpochReport(epoch, o.Iterations, clock.Elapsed, loss));
        }
        return new LmfModel(data.Users, data.Items, data.Interactions, width, users, items, (float)o.Regularization) { Threads = o.Threads };
    }
}

using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Models.Contract;

namespace Encore.Models.Content.Affinity;

/// <summary>
/// Fits the S2 track-affinity classifier: the item content vectors are standardised, L2-normalised and
/// optionally PCA-reduced (<see cref="ContentTransformFitter"/>); each user's profile is the mean vector of
/// the user's items; rows profile ⊕ track (⊕ profile ∘ track) (⊕ the track's log-popularity) are labelled 1 for the user's items and 0 for
/// seeded sampled negatives; a seeded share is held out; an L2-regularised logistic regression (ML.NET
/// L-BFGS) is fitted on the rest. Deterministic for a seed. Requires <see cref="TrainingData.ItemFeatures"/>.
/// </summary>
public sealed class AffinityTrainer(AffinityOptions? options = null) : IRecommenderTrainer
{
    /// <summary>Fewer labelled rows than this means no training (S2's guard).</summary>
    public const int MinimumSamples = 10;

    public AffinityOptions Options { get; } = options ?? new AffinityOptions();

    public string ModelName => AffinityModel.Name;

    /// <exception cref="ArgumentException">The data carries no item features.</exception>
    /// <exception cref="ModelFitException">Fewer than <see cref="MinimumSamples"/> rows, or a single class, in all rows or in the training part (the message gives the counts).</exception>
    public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = data.ItemFeatures
            ?? throw new ArgumentException("the affinity model needs track content vectors (audio features or imported embeddings); this training data has none.", nameof(data));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var transform = ContentTransformFitter.Fit(features, Options.Transform);
        var k = transform.OutputDimension;
        var vectors = transform.ApplyAll(features);
        var profiles = UserProfiles.Build(data.Interactions, vectors, k, Options.Weighting);
        var popularity = Options.PopularityFeature ? AffinitySamples.Popularity(data.Interactions) : null;
        var samples = AffinitySamples.Build(data.Interactions, vectors, profiles, popularity, k, Options, cancellationToken);
        CheckClasses(samples.Labels, "labelled rows");

        var order = new int[samples.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var rng = new Rng(Options.Seed ^ 0x5EED_A1F1);
        rng.Shuffle(order.AsSpan());
        var held = Math.Max(1, (int)Math.Round(order.Length * Options.HoldoutFraction));
        var trainIdx = order[held..];
        var testIdx = order[..held];
        var trainLabels = Select(samples.Labels, trainIdx);
        CheckClasses(trainLabels, "training rows after the hold-out split");
        cancellationToken.ThrowIfCancellationRequested();

        var (weights, bias) = LogisticRegressionFitter.Fit(SelectRows(samples.Rows, samples.Width, trainIdx), trainLabels,
            samples.Width, Options.L2Regularization, Options.MaxIterations, Options.Seed);
        var probabilities = new float[testIdx.Length];
        for (var t = 0; t < testIdx.Length; t++)
            probabilities[t] = AffinityModel.Sigmoid(AffinityModel.Linear(weights, bias, samples.Rows.AsSpan(testIdx[t] * samples.Width, samples.Width)));
        var validation = new AffinityValidation(probabilities, Select(samples.Labels, testIdx), trainIdx.Length);
        progress?.Report(new EpochReport(1, 1, clock.Elapsed, double.NaN));
        return new AffinityModel(data.Users, data.Items, data.Interactions, transform, vectors, profiles, Options.Weighting,
            Options.ProductFeatures, popularity ?? [], weights, bias, validation)
        { Threads = Options.Threads };
    }

    private static void CheckClasses(bool[] labels, string what)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Length - positives;
        if (labels.Length < MinimumSamples)
            throw new ModelFitException($"affinity: only {labels.Length} {what} ({positives} positive, {negatives} negative); at least {MinimumSamples} are needed, so no model was trained. Give more users / events, or tracks with content vectors.");
        if (positives == 0 || negatives == 0)
            throw new ModelFitException($"affinity: all {labels.Length} {what} have one class ({positives} positive, {negatives} negative); a classifier needs both, so no model was trained. Check NegativeRatio and that some tracks are left for negatives.");
    }

    private static bool[] Select(bool[] values, int[] index)
    {
        var result = new bool[index.Length];
        for (var i = 0; i < index.Length; i++) result[i] = values[index[i]];
        return result;
    }

    private static float[] SelectRows(float[] rows, int width, int[] index)
    {
        var result = new float[index.Length * width];
        for (var i = 0; i < index.Length; i++) rows.AsSpan(index[i] * width, width).CopyTo(result.AsSpan(i * width, width));
        return result;
    }
}

using System.Globalization;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Models.Factorization.Als;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// Arm contexts for the bandits from collaborative filtering: the item factors of ALS / WMF (Hu, Koren and
/// Volinsky 2008) trained on a dataset's logged events, alone or concatenated with the tracks' content
/// embedding (<see cref="ArmContext"/>). The production funnel's shape: a CF model proposes candidates and the
/// bandit explores over the same model's item factors (Li et al. 2010 reduce user / item features the same way).
/// Factor and embedding columns are standardised (z-score over all tracks, a constant column becomes 0) and each
/// row is divided by √d so the mean squared row norm is 1 whatever the width, which keeps one λ and α
/// meaningful across widths.
/// </summary>
public static class CollaborativeArmFeatures
{
    /// <summary>Row-major tracks x <paramref name="dimension"/> features for <paramref name="context"/>.</summary>
    /// <param name="dataset">The dataset whose events train the CF model and whose embedding column is the content part.</param>
    /// <param name="context">Which features.</param>
    /// <param name="als">ALS settings of the CF part (ignored for <see cref="ArmContext.Embedding"/>).</param>
    /// <param name="dimension">Width of each row.</param>
    /// <param name="label">Describes the features, e.g. "factors (als 16 f, reg 1)".</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="ArgumentException">The context needs an embedding the dataset does not have, or the dataset has no events.</exception>
    public static float[] Build(MusicDataset dataset, ArmContext context, AlsOptions als, out int dimension, out string label, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(als);
        var info = dataset.TrackInfo;
        var e = info.EmbeddingDimension;
        if (context != ArmContext.Factors && e == 0) throw new ArgumentException($"--context {context.Name()} needs track embeddings and this dataset has none (import them with `encore import embeddings`).");
        if (context == ArmContext.Embedding)
        {
            dimension = e;
            label = "embedding";
            return info.Embeddings.ToArray();
        }
        if (dataset.Events.Count == 0) throw new ArgumentException($"--context {context.Name()} trains ALS on the logged events and this dataset has none.");
        var n = dataset.Tracks.Count;
        var counts = InteractionAggregator.Aggregate(dataset);
        var model = new AlsTrainer(als).Fit(new Models.Contract.TrainingData(counts.Matrix, counts.Users, counts.Items), null, ct);
        var k = model.Dimensions;
        dimension = context == ArmContext.Both ? k + e : k;
        var features = new float[n * dimension];
        Copy(model.ItemFactors, k, features, dimension, 0, n);
        if (context == ArmContext.Both) Copy(info.Embeddings, e, features, dimension, k, n);
        Standardise(features, n, dimension);
        label = string.Create(CultureInfo.InvariantCulture, $"{context.Name()} (als {k} f, reg {als.Regularization:0.###}{(context == ArmContext.Both ? $" + embedding {e}" : "")}, standardised)");
        return features;
    }

    /// <summary>z-scores every column of a row-major rows x d matrix in place (constant column = 0), then divides by √d.</summary>
    /// <param name="values">Row-major rows x <paramref name="d"/>.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="d">Columns.</param>
    public static void Standardise(float[] values, int rows, int d)
    {
        ArgumentNullException.ThrowIfNull(values);
        var root = Math.Sqrt(d);
        for (var c = 0; c < d; c++)
        {
            double sum = 0, squares = 0;
            for (var r = 0; r < rows; r++) sum += values[r * d + c];
            var mean = sum / rows;
            for (var r = 0; r < rows; r++) { var v = values[r * d + c] - mean; squares += v * v; }
            var sd = Math.Sqrt(squares / rows);
            for (var r = 0; r < rows; r++) values[r * d + c] = sd > 1e-12 ? (float)((values[r * d + c] - mean) / sd / root) : 0f;
        }
    }

    private static void Copy(ReadOnlySpan<float> source, int width, float[] target, int targetWidth, int offset, int rows)
    {
        for (var r = 0; r < rows; r++) source.Slice(r * width, width).CopyTo(target.AsSpan(r * targetWidth + offset, width));
    }
}

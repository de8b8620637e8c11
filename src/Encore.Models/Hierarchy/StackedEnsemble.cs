using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Encore.Models.Hierarchy;

/// <summary>
/// A weighted ensemble of candidate scorers: each member's scores are z-scored within each user's block
/// (<see cref="BlockScores.ZScores"/>) and combined as sum_m w_m z_m, with the weights w learned by
/// L-BFGS logistic regression (ML.NET) on held-out validation candidates (stacking, Wolpert 1992).
/// Members with a negative learned weight keep it (the fit decides); the bias does not change the ranking.
/// </summary>
public sealed class StackedEnsemble
{
    private StackedEnsemble(string[] members, double[] weights)
    {
        Members = members;
        Weights = weights;
    }

    public IReadOnlyList<string> Members { get; }

    /// <summary>Learned weight per member, in <see cref="Members"/> order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>An ensemble with given weights (a loaded model file).</summary>
    /// <exception cref="ArgumentException">Member and weight counts differ, or a weight is not finite.</exception>
    public static StackedEnsemble FromWeights(IReadOnlyList<string> members, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(weights);
        if (members.Count != weights.Count || members.Count == 0) throw new ArgumentException($"{members.Count} members but {weights.Count} weights.");
        if (weights.Any(w => !double.IsFinite(w))) throw new ArgumentException("An ensemble weight is not finite.");
        return new StackedEnsemble([.. members], [.. weights]);
    }

    /// <summary>Learns the weights from member scores (member x candidate) of labelled validation blocks.</summary>
    /// <exception cref="ArgumentException">Members of different lengths, a ragged block, or one class only.</exception>
    public static StackedEnsemble Fit(IReadOnlyList<string> members, IReadOnlyList<double[]> scores, bool[] labels, int blockSize, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (members.Count != scores.Count || members.Count == 0) throw new ArgumentException("Need one score column per member and at least one member.");
        var z = Normalised(scores, labels.Length, blockSize);
        var width = members.Count;
        var rows = new float[labels.Length * width];
        for (var i = 0; i < labels.Length; i++)
            for (var m = 0; m < width; m++) rows[i * width + m] = (float)z[m][i];
        if (Array.TrueForAll(labels, l => l) || Array.TrueForAll(labels, l => !l))
            throw new ArgumentException("The validation candidates hold only one class: the ensemble weights cannot be learned.");
        var ml = new MLContext(seed: unchecked((int)seed));
        var data = CandidateRows.Load(ml, rows, labels, width);
        var model = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = CandidateRows.Label,
            FeatureColumnName = CandidateRows.Features,
        }).Fit(data);
        var w = model.Model.SubModel.Weights;
        return new StackedEnsemble([.. members], [.. Enumerable.Range(0, width).Select(i => (double)w[i])]);
    }

    /// <summary>The ensemble score of each candidate from the members' scores (same member order as fitted).</summary>
    public double[] Score(IReadOnlyList<double[]> scores, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != Members.Count) throw new ArgumentException($"Expected {Members.Count} member score columns, got {scores.Count}.");
        var n = scores[0].Length;
        var z = Normalised(scores, n, blockSize);
        var result = new double[n];
        for (var m = 0; m < z.Length; m++)
            for (var i = 0; i < n; i++) result[i] += Weights[m] * z[m][i];
        return result;
    }

    private static double[][] Normalised(IReadOnlyList<double[]> scores, int n, int blockSize)
    {
        var z = new double[scores.Count][];
        for (var m = 0; m < scores.Count; m++)
        {
            if (scores[m].Length != n) throw new ArgumentException($"Member {m} has {scores[m].Length} scores, expected {n}.");
            z[m] = BlockScores.ZScores(scores[m], blockSize);
        }
        return z;
    }
}

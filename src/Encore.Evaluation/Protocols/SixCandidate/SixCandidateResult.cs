using Encore.Evaluation.Statistics;

namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>One model's six-candidate accuracy: per test user (share of the 6 guessed right), mean and 95% bootstrap interval.</summary>
public sealed record SixCandidateResult(string Name, string Family, double[] PerUser, double Accuracy, double Low, double High, double Seconds)
{
    /// <summary>Error rate = 1 - accuracy (the KDD Cup 2011 track 2 metric).</summary>
    public double ErrorRate => 1 - Accuracy;
}

/// <summary>A paired test between two models over the same test users (b - a).</summary>
public sealed record SixCandidateStep(string From, string To, PairedComparisonResult Comparison);

/// <summary>Per-feature importance of one tree or linear classifier (shares summing to 1).</summary>
public sealed record FeatureImportances(string Classifier, IReadOnlyList<(string Feature, double Share)> Shares);

using System.Globalization;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// BPR's negative sampler on a dense matrix when the caller set none of <see cref="BprOptions.Negatives"/>,
/// <see cref="BprOptions.Iterations"/> and <see cref="BprOptions.NegativeRetries"/>. When at least <see cref="DenseShare"/> of
/// the user x item pairs are stored (MovieLens: 4-6%; HetRec 0.28%, the synthetic split 0.16%, IUM 2023 0.6%), a user has seen
/// many of the popular items: a popularity-drawn negative is mostly an item the user has (the triple is skipped, so dense
/// users barely train), and the ones that pass are the popular items the user skipped, which the fit pushes down, so BPR fell
/// far below the popularity list on star-rating data. Here negatives are drawn uniformly and a seen one is redrawn up to
/// <see cref="Retries"/> times (rejection sampling: uniform over the user's unseen items; a user who has seen nearly every
/// item costs at most that many draws, then the triple is skipped). Figures: bench/results/defaults-s18.md.
/// </summary>
public static class BprDenseRule
{
    /// <summary>Share of stored user x item pairs from which the matrix is dense: 1%.</summary>
    public const double DenseShare = 0.01;

    /// <summary>Redraws of a seen negative on a dense matrix: a user who has seen 90% of the items still finds an unseen one 97% of the time.</summary>
    public const int Retries = 32;

    /// <summary>
    /// <paramref name="current"/> (the options after the other rules) with the dense sampler when <paramref name="signal"/> is dense
    /// and the caller's <paramref name="given"/> options set none of the sampler's settings; with the reasons to print.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static (BprOptions Options, IReadOnlyList<DataChoice> Choices) Choose(CsrMatrix signal, BprOptions given, BprOptions current)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(current);
        if (given.IterationsGiven || given.NegativesGiven || given.NegativeRetriesGiven) return (current, []);
        var share = Density(signal);
        if (!(share >= DenseShare)) return (current, []);
        var dense = string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.##}% of the user x item pairs are stored (dense from {DenseShare * 100:0.##}%)");
        var choices = new List<DataChoice>();
        if (current.Negatives != NegativeSampling.Uniform)
            choices.Add(new DataChoice("negatives", "uniform", $"{dense}: popularity-drawn negatives are mostly items the user has, and the rest push the popular items down"));
        choices.Add(new DataChoice("negative-retries", Retries.ToString(CultureInfo.InvariantCulture),
            $"{dense}: a negative the user has is redrawn up to {Retries} times, so it is uniform over the user's unseen items"));
        return (current with { Negatives = NegativeSampling.Uniform, NegativeRetries = Retries }, choices);
    }

    /// <summary>Stored pairs / (rows x columns); 0 for an empty shape.</summary>
    internal static double Density(CsrMatrix signal)
    {
        var cells = (double)signal.Rows * signal.Columns;
        return cells > 0 ? signal.NonZeros / cells : 0;
    }
}

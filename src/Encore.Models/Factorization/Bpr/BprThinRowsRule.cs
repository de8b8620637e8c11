using System.Globalization;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Factorization.Bpr;

/// <summary>
/// BPR's negative sampler and epoch count when the caller set neither, chosen together from the training matrix. On thin
/// rows (a mean user with fewer than <see cref="ThinRowPairs"/> positive pairs) the fixed 100 epochs give a user a few hundred
/// steps, too few to move its factors, and popularity-sampled negatives push the popular items down the longer they train,
/// so BPR fell below the popularity list on piki's 588 likes (0.0089 against 0.0707) and collapsed on a Zipf table at 300
/// epochs (0.2561 -> 0.0898). Uniform negatives learn the popularity order first (100 epochs: level with popularity on
/// every thin table measured) and the personal factors after, so on thin rows the rule picks
/// <see cref="NegativeSampling.Uniform"/> and max(<see cref="MinThinEpochs"/>, ceil(<see cref="StepsPerRow"/> / m)) epochs,
/// m the mean positive pairs of a user with one (a mean row then takes about 3,000 steps, as 100 epochs give HetRec's
/// rows). Rows of 30 or more pairs (HetRec's 39, the synthetic split's 32, IUM's 130) keep the defaults: there uniform
/// negatives lose (HetRec 0.163 -> 0.074, docs/models-bpr.md). Figures: bench/results/defaults-s16.md.
/// </summary>
public static class BprThinRowsRule
{
    /// <summary>A mean user row with fewer positive pairs than this is thin.</summary>
    public const double ThinRowPairs = 30;

    /// <summary>SGD steps a mean thin row should take over the fit.</summary>
    public const int StepsPerRow = 3000;

    /// <summary>Fewest epochs on thin rows: uniform negatives need about 300 to get past the popularity order (the 3,000-user binary table: 100 -> 0.074, 300 -> 0.125).</summary>
    public const int MinThinEpochs = 300;

    /// <summary>The options to train <paramref name="signal"/> with, and the sampler and epochs chosen for it with the reasons to print (none when the caller set either: they are chosen together; or when the rows are not thin).</summary>
    /// <param name="signal">The users x items positive training pairs, as the trainer reads them.</param>
    /// <param name="options">The trainer's options.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static (BprOptions Options, IReadOnlyList<DataChoice> Choices) Choose(CsrMatrix signal, BprOptions options)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IterationsGiven || options.NegativesGiven) return (options, []);
        var m = MeanRowPairs(signal);
        if (!(m > 0 && m < ThinRowPairs)) return (options, []);
        var epochs = Math.Max(MinThinEpochs, (int)Math.Ceiling(StepsPerRow / m));
        var thin = string.Create(CultureInfo.InvariantCulture, $"a mean user row holds {m:G3} pairs, below {ThinRowPairs:G}");
        return (options with { Negatives = NegativeSampling.Uniform, Iterations = epochs },
        [
            new DataChoice("negatives", "uniform", $"{thin}: popularity-sampled negatives push the popular items down as thin rows train"),
            new DataChoice("iterations", epochs.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture,
                $"{thin}: max({MinThinEpochs}, ceil({StepsPerRow} / {m:G3})) epochs give a mean row about {StepsPerRow:N0} steps")),
        ]);
    }

    /// <summary>Stored pairs / users with at least one; 0 when there is none.</summary>
    internal static double MeanRowPairs(CsrMatrix signal)
    {
        var users = 0;
        for (var u = 0; u < signal.Rows; u++) if (signal.RowLength(u) > 0) users++;
        return users == 0 ? 0 : (double)signal.NonZeros / users;
    }
}

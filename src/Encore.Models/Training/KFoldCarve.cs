using Encore.Core.Sparse;

namespace Encore.Models.Training;

/// <summary>
/// K-fold cross-fitting carve of a training matrix, per user (Chernozhukov et al. 2018 call the scheme
/// cross-fitting; it is K-fold cross-validation applied inside training): each user's n >= 2 items are put in a
/// seeded per-user random order and item at position p goes to fold p mod K, so the folds are disjoint, together hold
/// every item of the user, and differ in size by at most one. Fold k's held-out part is its items; its inner part is
/// every other stored pair. With K >= 2 a fold holds at most ceil(n / K) &lt;= n - 1 items, so every user with n >= 2
/// keeps at least one item in every inner part. Users with one item are never held out (they stay in every inner part).
/// Deterministic for a seed.
/// </summary>
internal static class KFoldCarve
{
    /// <summary>Smallest and largest fold counts accepted.</summary>
    public const int MinimumFolds = 2, MaximumFolds = 10;

    /// <param name="x">The training matrix (users x items).</param>
    /// <param name="folds">K, 2..10.</param>
    /// <param name="fold">Which fold to hold out, 0..K-1.</param>
    /// <param name="seed">Seeds the per-user order (the same order for every fold of one seed).</param>
    /// <returns>Two matrices of the input's shape whose stored pairs partition the input's.</returns>
    /// <exception cref="ArgumentOutOfRangeException">K or the fold is out of range.</exception>
    public static (CsrMatrix Inner, CsrMatrix HeldOut) Split(CsrMatrix x, int folds, int fold, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, MinimumFolds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, MaximumFolds);
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fold, folds);
        // Position p of the user's seeded order goes to fold p mod K; a user with one item is never held out.
        return ValidationCarve.PartitionPerUser(x, seed, (n, position) => n >= 2 && position % folds == fold);
    }
}

namespace Encore.Models.Factorization.Bpr;

/// <summary>The order of an epoch's SGD steps (both orders take nnz steps per epoch and visit each training pair once per epoch on average).</summary>
public enum SampleOrder
{
    /// <summary>
    /// Every step draws a training pair (u, i) uniformly from the nonzeros, with replacement: Rendle et al.'s LearnBPR
    /// bootstrap sampling, as implicit does. Each step reads a user row at a random place.
    /// </summary>
    Pairs,

    /// <summary>
    /// Users in a seeded shuffled order, reshuffled every epoch; for each user its positives once each, in a shuffled
    /// order, each with a sampled negative. A user's steps run back to back, so its factor row and its matrix row stay
    /// in the L1 cache and only the two item rows are random reads. Workers own disjoint sets of users in an epoch.
    /// </summary>
    ByUser,
}

using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>The planted listeners: genre mixtures, taste vectors, activity budgets and join times.</summary>
internal sealed class SyntheticTastes
{
    /// <summary>Planted genres per user, heaviest first.</summary>
    public required IntLists Genres { get; init; }
    /// <summary>Mixture weight of each entry of <see cref="Genres"/> (aligned with its values; each user's sum to 1).</summary>
    public required float[] GenreWeights { get; init; }
    /// <summary>Row-major users x latent dimension.</summary>
    public required float[] Taste { get; init; }
    /// <summary>Unix ms when the user's activity starts.</summary>
    public required long[] JoinTimes { get; init; }
    /// <summary>Events the user produces (sums to the target).</summary>
    public required int[] EventBudgets { get; init; }
    /// <summary>What the user declares: a noisy copy of the planted genres.</summary>
    public required IntLists FavouriteGenres { get; init; }
    public required sbyte[] Premium { get; init; }

    public int Count => JoinTimes.Length;
}

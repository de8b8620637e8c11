using System.Numerics.Tensors;
using Encore.Core.Randomness;

namespace Encore.Models.Factorization.Warp;

/// <summary>
/// WARP's negative search for one positive (Weston et al. 2011; LightFM's fit_warp): draw items uniformly among those the
/// user has not interacted with (a draw of one of the user's own items is drawn again and not counted), at most
/// maxSampled counted draws, until one scores above the positive's score minus the margin 1.
/// </summary>
internal static class WarpSampler
{
    /// <summary>Consecutive draws of the user's own items after which the search gives up (only a user with nearly every item gets there).</summary>
    public const int MaxRejections = 64;

    /// <summary>The first violating negative, or -1 when none is found within <paramref name="maxSampled"/> counted draws.</summary>
    /// <param name="rng">The user's stream; advanced by every draw.</param>
    /// <param name="seen">The user's positives, sorted ascending.</param>
    /// <param name="items">Row-major item rows [q, b] of width d + 1.</param>
    /// <param name="user">The user's row [p, 1], length d + 1.</param>
    /// <param name="itemCount">Items in the catalogue.</param>
    /// <param name="maxSampled">Most counted draws.</param>
    /// <param name="positiveScore">s_ui.</param>
    /// <param name="draws">Counted draws made (N of the rank estimate when a negative is returned).</param>
    /// <param name="negativeScore">s_uj of the returned negative (undefined when none).</param>
    public static int FindViolator(ref Rng rng, ReadOnlySpan<int> seen, ReadOnlySpan<float> items, ReadOnlySpan<float> user, int itemCount,
        int maxSampled, float positiveScore, out int draws, out float negativeScore)
    {
        var width = user.Length;
        var threshold = positiveScore - 1f;
        negativeScore = 0f;
        for (draws = 1; draws <= maxSampled; draws++)
        {
            var j = rng.NextInt(itemCount);
            for (var rejections = 0; seen.BinarySearch(j) >= 0; rejections++)
            {
                if (rejections == MaxRejections) return -1;
                j = rng.NextInt(itemCount);
            }
            negativeScore = TensorPrimitives.Dot(user, items.Slice(j * width, width));
            if (negativeScore > threshold) return j;
        }
        draws = maxSampled;
        return -1;
    }
}

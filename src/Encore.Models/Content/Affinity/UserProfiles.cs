using Encore.Core.Sparse;

namespace Encore.Models.Content.Affinity;

/// <summary>
/// A user profile is the (optionally value-weighted) mean of the transformed vectors of the user's items
/// (SPEC S2). Items whose vector is all zeros (no content) do not count; no such item gives a zero profile.
/// </summary>
internal static class UserProfiles
{
    /// <summary>Users x <paramref name="k"/> row-major profiles from the interaction matrix.</summary>
    public static float[] Build(CsrMatrix interactions, float[] itemVectors, int k, ProfileWeighting weighting)
    {
        var profiles = new float[interactions.Rows * k];
        for (var u = 0; u < interactions.Rows; u++)
            Into(interactions.RowIndices(u), interactions.RowValues(u), itemVectors, k, weighting, profiles.AsSpan(u * k, k));
        return profiles;
    }

    /// <summary>Writes the profile of a history of (item, value) pairs into <paramref name="profile"/>.</summary>
    public static void Into(ReadOnlySpan<int> items, ReadOnlySpan<float> values, float[] itemVectors, int k, ProfileWeighting weighting, Span<float> profile)
    {
        profile.Clear();
        double total = 0;
        for (var p = 0; p < items.Length; p++)
        {
            var row = itemVectors.AsSpan(items[p] * k, k);
            if (!HasContent(row)) continue;
            // A total <= 0 (a skip, a dislike) is seen without positive signal: it never shapes a taste profile.
            if (!(values[p] > 0)) continue;
            var w = weighting == ProfileWeighting.Value ? values[p] : 1f;
            for (var j = 0; j < k; j++) profile[j] += w * row[j];
            total += w;
        }
        if (total > 0)
            for (var j = 0; j < k; j++) profile[j] = (float)(profile[j] / total);
    }

    public static bool HasContent(ReadOnlySpan<float> row) => row.IndexOfAnyExcept(0f) >= 0;
}

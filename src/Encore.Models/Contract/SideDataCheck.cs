using Encore.Models.Content.Affinity;
using Encore.Models.Hierarchy;
using Encore.Models.Social;

namespace Encore.Models.Contract;

/// <summary>
/// What a model needs beyond the users x items matrix, checked against the training data before it is fitted, so a
/// user who runs every model on a plain table is told, instead of meeting a failure after the other models trained
/// (affinity without content vectors) or a model that silently answers a near-popularity list (friends without links,
/// hierarchy without album / artist / genre links).
/// </summary>
public static class SideDataCheck
{
    /// <summary>
    /// The gap between <paramref name="model"/>'s needs and <paramref name="data"/>, or null when there is none (every
    /// model other than affinity, friends and hierarchy needs only the matrix).
    /// </summary>
    /// <param name="model">A catalogue model name (case-insensitive).</param>
    /// <param name="data">The data the model would be fitted on.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SideDataGap? Check(string model, TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (model.Equals(AffinityModel.Name, StringComparison.OrdinalIgnoreCase) && data.ItemFeatures is null)
            return new SideDataGap(AffinityModel.Name, true,
                "needs track content vectors (audio features or imported embeddings: encore import embeddings); this data has none");
        if (model.Equals(FriendsModel.Name, StringComparison.OrdinalIgnoreCase) && (data.Side?.UserLinks?.NonZeros ?? 0) == 0)
            return new SideDataGap(FriendsModel.Name, false,
                "this data has no friendships (user links), so every user gets the popularity list");
        if (model.Equals(HierarchyModel.Name, StringComparison.OrdinalIgnoreCase) && !HasAnyLevel(data.Hierarchy))
            return new SideDataGap(HierarchyModel.Name, false,
                "no album, artist or genre links reach it (a plain users x tracks table, or a ranking protocol, which passes only the matrix), " +
                "so it ranks tracks by their Bayesian mean rating, usually below the popularity list; use item-knn, rp3beta or als " +
                "on this data, or the six-candidate protocol on a catalogue with albums, artists or genres");
        return null;
    }

    /// <summary>
    /// True when at least one track links to an album, an artist or a genre (one level is enough for the strategies to
    /// climb); false without an attached hierarchy, where the trainer reads the matrix alone.
    /// </summary>
    private static bool HasAnyLevel(HierarchyInput? hierarchy) =>
        hierarchy?.Catalogue is { } c && (c.HasAlbums || Array.Exists(c.TrackArtists, a => a >= 0) || c.GenreIds.Length > 0);
}

/// <summary>A model's unmet need for side data.</summary>
/// <param name="Model">The model's catalogue name.</param>
/// <param name="Required">True when the model cannot be fitted without it; false when it fits but degrades (the message says to what).</param>
/// <param name="Message">One lower-case clause for the console ("needs ...; this data has none").</param>
public sealed record SideDataGap(string Model, bool Required, string Message);

using Encore.Core.Errors;

namespace Encore.Models.Hierarchy;

/// <summary>
/// What the hierarchy model trains on beyond the track matrix (attached to <see cref="Contract.TrainingData.Hierarchy"/>):
/// the track -> album / artist / genres links, the ratings of every level, and optionally labelled validation
/// lists carved from training (with the inner training ratings they are scored from) for every learned choice.
/// Track and user indices are the training data's dense indices.
/// </summary>
/// <param name="Catalogue">Links of every track of the training data's item map.</param>
/// <param name="Ratings">Every training rating, per level (users = the training data's users).</param>
/// <param name="Validation">Labelled validation lists, or null (then only the heuristic strategies can be trained).</param>
public sealed record HierarchyInput(HierarchyCatalogue Catalogue, HierarchyRatings Ratings, ValidationLists? Validation);

/// <summary>
/// Labelled six-candidate lists carved from the training ratings (SPEC S4): consecutive blocks of
/// <see cref="BlockSize"/> candidates per user, <see cref="Liked"/> of them liked, scored from
/// <see cref="InnerRatings"/> (the training ratings without the hidden liked tracks).
/// </summary>
public sealed class ValidationLists
{
    /// <exception cref="ArgumentException">Columns of different lengths, a ragged last block, or liked outside 1..block size - 1.</exception>
    public ValidationLists(HierarchyRatings innerRatings, int[] users, int[] tracks, bool[] labels, int blockSize = 6, int liked = 3)
    {
        ArgumentNullException.ThrowIfNull(innerRatings);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(labels);
        Guard.SameLength(users.Length, tracks.Length, "validation users and tracks");
        Guard.SameLength(users.Length, labels.Length, "validation users and labels");
        Guard.InRange(blockSize, 2, 1000);
        Guard.InRange(liked, 1, blockSize - 1);
        if (users.Length % blockSize != 0) throw new ArgumentException($"{users.Length} validation candidates is not a whole number of lists of {blockSize}.");
        InnerRatings = innerRatings;
        Users = users;
        Tracks = tracks;
        Labels = labels;
        BlockSize = blockSize;
        Liked = liked;
    }

    public HierarchyRatings InnerRatings { get; }
    public int[] Users { get; }
    public int[] Tracks { get; }
    public bool[] Labels { get; }
    public int BlockSize { get; }
    public int Liked { get; }

    /// <summary>Number of lists.</summary>
    public int Blocks => Users.Length / BlockSize;
}

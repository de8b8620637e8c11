using Encore.Models.Contract;

namespace Encore.Models.Group;

/// <summary>
/// A folded-in group member's score for every item, from <see cref="IHistoryRecommender.RecommendFromHistory"/>'s
/// ranked list. Items the list leaves out because the history gives them no evidence (a neighbourhood model's items
/// outside every history track's neighbours) are scored as a known user's row scores them: the floor, min(0, lowest
/// listed score), so they stay group candidates that this member likes least. Only items without any positive
/// training signal stay NaN ("not a candidate"), as for every member. Leaving all unlisted items NaN restricted a
/// whole group's list to one guest's neighbours.
/// </summary>
public static class FoldInScoreVector
{
    /// <summary>
    /// Writes a score per item into <paramref name="scores"/> (length = the model's item count).
    /// </summary>
    /// <param name="model">The model that ranked the history (its <see cref="RecommenderBase.NoSignalItems"/> stay NaN).</param>
    /// <param name="items">Ranked item indices, each in [0, scores.Length).</param>
    /// <param name="values">Their scores, same length as <paramref name="items"/>.</param>
    /// <param name="scores">Output, one entry per item.</param>
    /// <exception cref="ArgumentException">The lists differ in length or an index is out of range.</exception>
    public static void Fill(IRecommender model, ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (items.Length != values.Length) throw new ArgumentException($"{items.Length} items but {values.Length} scores.", nameof(values));
        var floor = 0f;
        foreach (var value in values)
            if (value < floor) floor = value;
        scores.Fill(floor);
        if ((model as RecommenderBase)?.NoSignalItems is { } none)
            for (var i = 0; i < scores.Length && i < none.Length; i++)
                if (none[i]) scores[i] = float.NaN;
        for (var i = 0; i < items.Length; i++)
        {
            if ((uint)items[i] >= (uint)scores.Length) throw new ArgumentException($"Item {items[i]} is outside the {scores.Length} items.", nameof(items));
            scores[items[i]] = values[i];
        }
    }
}

using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Four user groups of 20 users and four 9-item blocks; each user interacts with 8 of its own block's items
/// (a rotating choice, value 2), so the one held-out own-block item must rank above every other block's items.
/// </summary>
internal static class BlockMatrix
{
    public const int Groups = 4;
    public const int UsersPerGroup = 20;
    public const int ItemsPerBlock = 9;
    public const int Seen = 8;

    public static TrainingData Create()
    {
        var rows = new List<int>();
        var cols = new List<int>();
        for (var u = 0; u < Groups * UsersPerGroup; u++)
        {
            var g = u / UsersPerGroup;
            for (var j = 0; j < Seen; j++)
            {
                rows.Add(u);
                cols.Add(g * ItemsPerBlock + (j + u) % ItemsPerBlock);
            }
        }
        var values = Enumerable.Repeat(2f, rows.Count).ToArray();
        return TrainingData.FromMatrix(CsrMatrix.FromTriples(Groups * UsersPerGroup, Groups * ItemsPerBlock, rows.ToArray(), cols.ToArray(), values));
    }

    /// <summary>True when every unseen own-block item scores above every item of another block.</summary>
    public static bool OwnBlockFirst(IRecommender model, int user)
    {
        var g = user / UsersPerGroup;
        var all = Enumerable.Range(0, Groups * ItemsPerBlock).ToArray();
        var scores = new float[all.Length];
        model.Score(user, all, scores);
        var data = Create().Interactions;
        var worstOwn = float.PositiveInfinity;
        var bestOther = float.NegativeInfinity;
        for (var i = 0; i < all.Length; i++)
        {
            if (i / ItemsPerBlock == g && data.Get(user, i) == 0) worstOwn = Math.Min(worstOwn, scores[i]);
            else if (i / ItemsPerBlock != g) bestOther = Math.Max(bestOther, scores[i]);
        }
        return worstOwn > bestOther;
    }
}

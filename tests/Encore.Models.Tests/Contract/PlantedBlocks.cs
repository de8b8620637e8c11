using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Tests.Contract;

/// <summary>
/// A planted-structure matrix whose answer is known: users fall into <see cref="Groups"/> groups, items
/// into as many blocks; each user interacts with most of their own block's items (values 1..5) and
/// with one random item elsewhere (noise). The last user of each group has no interactions (empty row).
/// A good model ranks a user's unseen own-block items first.
/// </summary>
public static class PlantedBlocks
{
    public const int Groups = 4;
    public const int UsersPerGroup = 24;
    public const int ItemsPerBlock = 12;
    public const int PerUser = 7;

    public static int UserCount => Groups * UsersPerGroup;

    public static int ItemCount => Groups * ItemsPerBlock;

    public static int GroupOfUser(int user) => user / UsersPerGroup;

    public static int BlockOfItem(int item) => item / ItemsPerBlock;

    /// <summary>A user with no interactions (empty row) in group 0.</summary>
    public static int EmptyUser => UsersPerGroup - 1;

    public static TrainingData Create(ulong seed = 7)
    {
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<float>();
        var rng = new Rng(seed);
        Span<int> block = stackalloc int[ItemsPerBlock];
        for (var u = 0; u < UserCount; u++)
        {
            if (u % UsersPerGroup == UsersPerGroup - 1) continue; // empty user
            var g = GroupOfUser(u);
            for (var j = 0; j < ItemsPerBlock; j++) block[j] = g * ItemsPerBlock + j;
            rng.Shuffle(block);
            for (var j = 0; j < PerUser; j++)
            {
                rows.Add(u);
                cols.Add(block[j]);
                vals.Add(1 + rng.NextInt(5));
            }
            var noiseBlock = (g + 1 + rng.NextInt(Groups - 1)) % Groups;
            rows.Add(u);
            cols.Add(noiseBlock * ItemsPerBlock + rng.NextInt(ItemsPerBlock));
            vals.Add(1);
        }
        var matrix = CsrMatrix.FromTriples(UserCount, ItemCount, rows.ToArray(), cols.ToArray(), vals.ToArray());
        return TrainingData.FromMatrix(matrix);
    }
}

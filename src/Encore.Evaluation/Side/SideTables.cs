using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Data.Model;
using Encore.Models.Contract;

namespace Encore.Evaluation.Side;

/// <summary>
/// Joins a dataset's side tables to a training matrix's id maps: friendships become user links, tag assignments at
/// the matrix's item level become user-item-tag rows. The one code path for evaluate (every protocol) and train, so a
/// saved model was fitted on the same features it serves with (the funnel keeps what it derived in its file). Rows
/// whose user or item is not in the maps are dropped. With a <c>cutoff</c> (temporal protocols: the last training
/// event time) tag assignments after it, or without a time, are dropped, so nothing from the held-out period leaks in.
/// Friendships carry no time and are kept whole.
/// </summary>
public static class SideTables
{
    /// <summary>The side information of <paramref name="dataset"/> over the given maps; null when the dataset has none.</summary>
    /// <param name="dataset">The snapshot's dataset (its user, item and tag maps).</param>
    /// <param name="users">The training data's user map.</param>
    /// <param name="items">The training data's item map (at the dataset's item level).</param>
    /// <param name="cutoff">Last allowed tag time (Unix ms, inclusive); null keeps every assignment.</param>
    public static SideInformation? For(MusicDataset dataset, IdMap users, IdMap items, long? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        var userOf = Remap(dataset.Users, users);
        var links = Links(dataset.Friendships, userOf, users.Count);
        var tags = Tags(dataset, userOf, users.Count, items, cutoff);
        return links is null && tags is null ? null : new SideInformation(links, tags);
    }

    /// <summary>
    /// The same training data with the dataset's side tables attached (unchanged when there are none). Tag
    /// assignments are kept only on pairs the training matrix holds (<see cref="SideInformation.RestrictedTo"/>):
    /// under a random or given split the tag file is not split, and a user's tag on a held-out artist would reveal
    /// the held-out pair (HetRec: the funnel's NDCG@10 0.2925 with it, see docs/models-funnel.md).
    /// </summary>
    public static TrainingData Attach(MusicDataset dataset, TrainingData data, long? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var side = For(dataset, data.Users, data.Items, cutoff)?.RestrictedTo(data.Interactions);
        return side is null || side.IsEmpty ? data : data.WithSide(side);
    }

    /// <summary>One line for logs: "1,234 user links, 5,678 tag assignments (300 tags)".</summary>
    public static string Describe(SideInformation? side) => side is null
        ? "no side tables"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{side.UserLinks?.NonZeros ?? 0:N0} user links, {side.Tags?.Count ?? 0:N0} tag assignments ({side.Tags?.TagCount ?? 0:N0} tags)");

    private static int[] Remap(IdMap from, IdMap to)
    {
        var result = new int[from.Count];
        for (var i = 0; i < result.Length; i++) result[i] = to.IndexOf(from[i]);
        return result;
    }

    private static CsrMatrix? Links(UserEdgeTable edges, int[] userOf, int userCount)
    {
        var rows = new List<int>();
        var columns = new List<int>();
        for (var e = 0; e < edges.Count; e++)
        {
            var (a, b) = ((uint)edges.From[e] < (uint)userOf.Length ? userOf[edges.From[e]] : -1, (uint)edges.To[e] < (uint)userOf.Length ? userOf[edges.To[e]] : -1);
            if (a < 0 || b < 0 || a == b) continue;
            rows.Add(a);
            columns.Add(b);
        }
        if (rows.Count == 0) return null;
        var ones = new float[rows.Count];
        Array.Fill(ones, 1f);
        return CsrMatrix.FromTriples(userCount, userCount, rows.ToArray(), columns.ToArray(), ones, DuplicatePolicy.Max);
    }

    private static UserItemTags? Tags(MusicDataset dataset, int[] userOf, int userCount, IdMap items, long? cutoff)
    {
        var table = dataset.TagAssignments;
        var itemOf = Remap(dataset.MapOf(dataset.ItemLevel), items);
        var (u, i, t) = (new List<int>(), new List<int>(), new List<int>());
        for (var r = 0; r < table.Count; r++)
        {
            if (table.Levels[r] != dataset.ItemLevel) continue;
            if (cutoff is { } last && (table.Timestamps[r] == Missing.Time || table.Timestamps[r] > last)) continue;
            var user = (uint)table.Users[r] < (uint)userOf.Length ? userOf[table.Users[r]] : -1;
            var item = (uint)table.Targets[r] < (uint)itemOf.Length ? itemOf[table.Targets[r]] : -1;
            if (user < 0 || item < 0 || (uint)table.Tags[r] >= (uint)dataset.Tags.Count) continue;
            u.Add(user);
            i.Add(item);
            t.Add(table.Tags[r]);
        }
        return u.Count == 0 ? null : new UserItemTags([.. u], [.. i], [.. t], userCount, items.Count, dataset.Tags.Count);
    }
}

namespace Encore.Models.Contract;

/// <summary>
/// Tag assignments at the item level: "user u gave item i the tag t" (e.g. Last.fm HetRec's
/// <c>user_taggedartists</c>), as three aligned arrays of dense indices into the training data's user map, item map
/// and a tag vocabulary of <see cref="TagCount"/> tags. Repeats are allowed (each counts once per row). Treat the
/// arrays as read-only.
/// </summary>
public sealed class UserItemTags
{
    /// <exception cref="ArgumentException">The arrays differ in length, or an index is outside 0..count-1.</exception>
    public UserItemTags(int[] users, int[] items, int[] tags, int userCount, int itemCount, int tagCount)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentOutOfRangeException.ThrowIfNegative(tagCount);
        if (users.Length != items.Length || users.Length != tags.Length)
            throw new ArgumentException($"Tag assignments need aligned arrays: {users.Length} users, {items.Length} items, {tags.Length} tags.", nameof(tags));
        Check(users, userCount, "user", nameof(users));
        Check(items, itemCount, "item", nameof(items));
        Check(tags, tagCount, "tag", nameof(tags));
        Users = users;
        Items = items;
        Tags = tags;
        UserCount = userCount;
        ItemCount = itemCount;
        TagCount = tagCount;
    }

    /// <value>User index of each assignment.</value>
    public int[] Users { get; }

    /// <value>Item index of each assignment.</value>
    public int[] Items { get; }

    /// <value>Tag index (0..<see cref="TagCount"/>-1) of each assignment.</value>
    public int[] Tags { get; }

    /// <value>Users in the map the indices refer to.</value>
    public int UserCount { get; }

    /// <value>Items in the map the indices refer to.</value>
    public int ItemCount { get; }

    /// <value>Size of the tag vocabulary.</value>
    public int TagCount { get; }

    /// <value>Number of assignments.</value>
    public int Count => Users.Length;

    /// <summary>
    /// The assignments on (user, item) pairs with positive signal in <paramref name="interactions"/>; null when none
    /// remains. Tags then describe only what the user is known (from training) to listen to, so a tag on a held-out
    /// pair cannot reveal it, and a tag on an item the user never played cannot mark it as "not held out".
    /// </summary>
    /// <param name="interactions">Users x items over the same maps (<see cref="UserCount"/> x <see cref="ItemCount"/>).</param>
    /// <exception cref="ArgumentException">The matrix's shape differs from the maps'.</exception>
    public UserItemTags? OnPairsOf(Core.Sparse.CsrMatrix interactions)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if (interactions.Rows != UserCount || interactions.Columns != ItemCount)
            throw new ArgumentException($"Tag assignments cover {UserCount} x {ItemCount}, the interactions are {interactions.Rows} x {interactions.Columns}.", nameof(interactions));
        var keep = new List<int>();
        for (var r = 0; r < Count; r++)
            if (interactions.Get(Users[r], Items[r]) > 0) keep.Add(r);
        if (keep.Count == 0) return null;
        if (keep.Count == Count) return this;
        return new UserItemTags([.. keep.Select(r => Users[r])], [.. keep.Select(r => Items[r])], [.. keep.Select(r => Tags[r])], UserCount, ItemCount, TagCount);
    }

    private static void Check(int[] indices, int count, string what, string parameter)
    {
        foreach (var i in indices)
            if ((uint)i >= (uint)count) throw new ArgumentException($"A {what} index {i} is outside 0..{count - 1}.", parameter);
    }
}

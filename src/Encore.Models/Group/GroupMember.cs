namespace Encore.Models.Group;

/// <summary>A group member: a user the model knows (dense index) or an unknown user given by a history.</summary>
public sealed record GroupMember
{
    private GroupMember(int user, int[]? items, float[]? values)
    {
        User = user;
        HistoryItems = items;
        HistoryValues = values;
    }

    /// <value>Dense user index, or -1 for a history member.</value>
    public int User { get; }

    public int[]? HistoryItems { get; }

    public float[]? HistoryValues { get; }

    public bool IsKnown => User >= 0;

    public static GroupMember Known(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        return new GroupMember(user, null, null);
    }

    /// <summary>An unknown member described by (item, strength) pairs; needs a model with fold-in (IHistoryRecommender).</summary>
    public static GroupMember FromHistory(int[] items, float[] values)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        if (items.Length != values.Length) throw new ArgumentException($"History has {items.Length} items but {values.Length} values.", nameof(values));
        return new GroupMember(-1, items, values);
    }
}

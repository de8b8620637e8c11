using Encore.Core.Sparse;
using Encore.Models.Contract;

namespace Encore.Models.Ranking;

/// <summary>
/// The funnel's non-generator features for (user, candidate) pairs, by <see cref="FunnelFeatureGroups"/>:
/// <list type="bullet">
/// <item>popularity: ln(1 + item's users with positive signal), ln(1 + user's positive items);</item>
/// <item>tags: cosine of the user's listening tag profile (the sum of the unit TF-IDF tag vectors of the items the
/// user has positive signal on) with the item's unit TF-IDF tag vector, and ln(1 + the item's tag assignments);</item>
/// <item>own-tags: cosine of the user's own tag-use vector (TF-IDF over the tags the user applied) with the item's,
/// and ln(1 + number of tags the user put on this very item);</item>
/// <item>friends: share and ln(1 + count) of the user's linked users with positive signal on the item;</item>
/// <item>neighbours: the item's cosine to the user's history (<see cref="HistorySimilarity"/>);</item>
/// <item>play-depth: how deeply the item's listeners play it against the user's smallest and median value (<see cref="PlayDepth"/>).</item>
/// </list>
/// (<see cref="FunnelFeatureGroups.Agreement"/> is written by <see cref="FunnelFeatures"/>, which holds the generators' ranks.)
/// TF-IDF (Salton &amp; Buckley 1988): tf = 1 + ln(count), idf = ln(tagged items / items with the tag). Popularity,
/// listening profile and friends read <c>interactions</c> (the carve's inner part while the ranker trains, the whole
/// training matrix once fitted); the tag tables are fixed side information. Thread-safe (read-only after construction).
/// </summary>
internal sealed class FunnelSignals
{
    private readonly CsrMatrix _interactions;
    private readonly float[] _itemPopularity;
    private readonly float[] _itemTagCount;
    private readonly HistorySimilarity? _similarity;
    private readonly PlayDepth? _depth;

    /// <summary>Derives the tables from the training data's side information; groups without their table are dropped.</summary>
    public FunnelSignals(FunnelFeatureGroups requested, CsrMatrix interactions, SideInformation? side)
        : this(Available(requested, side), interactions,
            side?.Tags is { } t && requested.HasFlag(FunnelFeatureGroups.Tags) | requested.HasFlag(FunnelFeatureGroups.OwnTags) ? ItemTagVectors(t) : null,
            side?.Tags is { } o && requested.HasFlag(FunnelFeatureGroups.OwnTags) ? OwnTagVectors(o) : null,
            side?.Tags is { } c && requested.HasFlag(FunnelFeatureGroups.Tags) | requested.HasFlag(FunnelFeatureGroups.OwnTags) ? TagCounts(c) : null,
            requested.HasFlag(FunnelFeatureGroups.Friends) ? side?.UserLinks : null)
    {
    }

    /// <summary>From stored tables (a saved funnel); null tables drop their groups.</summary>
    public FunnelSignals(FunnelFeatureGroups groups, CsrMatrix interactions, CsrMatrix? itemTags, CsrMatrix? ownTags, CsrMatrix? userItemTags, CsrMatrix? links)
    {
        if (itemTags is null || userItemTags is null) groups &= ~(FunnelFeatureGroups.Tags | FunnelFeatureGroups.OwnTags);
        if (ownTags is null) groups &= ~FunnelFeatureGroups.OwnTags;
        if (links is null) groups &= ~FunnelFeatureGroups.Friends;
        Groups = groups;
        _interactions = interactions;
        ItemTags = groups.HasFlag(FunnelFeatureGroups.Tags) || groups.HasFlag(FunnelFeatureGroups.OwnTags) ? itemTags : null;
        OwnTags = groups.HasFlag(FunnelFeatureGroups.OwnTags) ? ownTags : null;
        UserItemTags = ItemTags is null ? null : userItemTags;
        Links = groups.HasFlag(FunnelFeatureGroups.Friends) ? links : null;
        _similarity = groups.HasFlag(FunnelFeatureGroups.Neighbours) ? new HistorySimilarity(interactions) : null;
        _depth = groups.HasFlag(FunnelFeatureGroups.PlayDepth) ? new PlayDepth(interactions) : null;
        _itemPopularity = new float[interactions.Columns];
        var counts = new int[interactions.Columns];
        for (var u = 0; u < interactions.Rows; u++)
        {
            var items = interactions.RowIndices(u);
            var values = interactions.RowValues(u);
            for (var p = 0; p < items.Length; p++) if (values[p] > 0) counts[items[p]]++;
        }
        for (var i = 0; i < counts.Length; i++) _itemPopularity[i] = MathF.Log(1 + counts[i]);
        _itemTagCount = new float[interactions.Columns];
        if (UserItemTags is not null)
        {
            var indices = UserItemTags.ColumnIndices;
            var values = UserItemTags.Values;
            for (var p = 0; p < indices.Length; p++) _itemTagCount[indices[p]] += values[p];
            for (var i = 0; i < _itemTagCount.Length; i++) _itemTagCount[i] = MathF.Log(1 + _itemTagCount[i]);
        }
    }

    /// <value>The groups actually computed (requested and backed by a table).</value>
    public FunnelFeatureGroups Groups { get; }

    /// <value>Items x tags, unit-length TF-IDF rows; null without tag groups.</value>
    public CsrMatrix? ItemTags { get; }

    /// <value>Users x tags, unit-length TF-IDF rows of the tags each user applied; null without own-tags.</value>
    public CsrMatrix? OwnTags { get; }

    /// <value>Users x items, number of tags the user put on the item; null without tag groups.</value>
    public CsrMatrix? UserItemTags { get; }

    /// <value>Users x users links; null without friends.</value>
    public CsrMatrix? Links { get; }

    /// <value>Columns written per candidate (2 per group, 3 for neighbours, 5 for play depth; agreement is not counted here).</value>
    public int Width => 2 * System.Numerics.BitOperations.PopCount((uint)(Groups & (FunnelFeatureGroups.Popularity | FunnelFeatureGroups.Tags | FunnelFeatureGroups.OwnTags | FunnelFeatureGroups.Friends)))
        + (Groups.HasFlag(FunnelFeatureGroups.Neighbours) ? HistorySimilarity.Width : 0)
        + (Groups.HasFlag(FunnelFeatureGroups.PlayDepth) ? PlayDepth.Width : 0);

    /// <summary>Column names, in order, for the groups.</summary>
    public static IEnumerable<string> Names(FunnelFeatureGroups groups)
    {
        if (groups.HasFlag(FunnelFeatureGroups.Popularity)) { yield return "item-popularity-log"; yield return "user-activity-log"; }
        if (groups.HasFlag(FunnelFeatureGroups.Tags)) { yield return "tag-affinity"; yield return "item-tags-log"; }
        if (groups.HasFlag(FunnelFeatureGroups.OwnTags)) { yield return "own-tag-affinity"; yield return "user-tagged-item-log"; }
        if (groups.HasFlag(FunnelFeatureGroups.Friends)) { yield return "friends-listening-share"; yield return "friends-listening-log"; }
        if (groups.HasFlag(FunnelFeatureGroups.Neighbours)) foreach (var name in HistorySimilarity.Names) yield return name;
        if (groups.HasFlag(FunnelFeatureGroups.PlayDepth)) foreach (var name in PlayDepth.Names) yield return name;
    }

    /// <summary>Writes the columns of <paramref name="user"/> x each of <paramref name="items"/> at <paramref name="offset"/> of each row.</summary>
    public void Fill(int user, int[] items, float[] rows, int width, int offset)
    {
        var column = offset;
        if (Groups.HasFlag(FunnelFeatureGroups.Popularity))
        {
            var activity = 0;
            foreach (var v in _interactions.RowValues(user)) if (v > 0) activity++;
            var userActivity = MathF.Log(1 + activity);
            for (var x = 0; x < items.Length; x++)
            {
                rows[x * width + column] = _itemPopularity[items[x]];
                rows[x * width + column + 1] = userActivity;
            }
            column += 2;
        }
        if (Groups.HasFlag(FunnelFeatureGroups.Tags))
        {
            var profile = ListeningProfile(user);
            for (var x = 0; x < items.Length; x++)
            {
                rows[x * width + column] = profile is null ? 0f : Dot(profile, ItemTags!, items[x]);
                rows[x * width + column + 1] = _itemTagCount[items[x]];
            }
            column += 2;
        }
        if (Groups.HasFlag(FunnelFeatureGroups.OwnTags))
        {
            var own = Dense(OwnTags!, user);
            for (var x = 0; x < items.Length; x++)
            {
                rows[x * width + column] = own is null ? 0f : Dot(own, ItemTags!, items[x]);
                rows[x * width + column + 1] = MathF.Log(1 + UserItemTags!.Get(user, items[x]));
            }
            column += 2;
        }
        if (Groups.HasFlag(FunnelFeatureGroups.Friends))
        {
            var friends = Links!.RowIndices(user);
            var listening = new Dictionary<int, int>();
            foreach (var f in friends)
            {
                var indices = _interactions.RowIndices(f);
                var values = _interactions.RowValues(f);
                for (var p = 0; p < indices.Length; p++)
                    if (values[p] > 0) listening[indices[p]] = listening.GetValueOrDefault(indices[p]) + 1;
            }
            for (var x = 0; x < items.Length; x++)
            {
                var count = listening.GetValueOrDefault(items[x]);
                rows[x * width + column] = friends.Length == 0 ? 0f : (float)count / friends.Length;
                rows[x * width + column + 1] = MathF.Log(1 + count);
            }
            column += 2;
        }
        if (_similarity is not null)
        {
            _similarity.Fill(user, items, rows, width, column);
            column += HistorySimilarity.Width;
        }
        _depth?.Fill(user, items, rows, width, column);
    }

    /// <summary>
    /// The requested groups less those the training matrix cannot back: <see cref="FunnelFeatureGroups.PlayDepth"/>
    /// where its values are binary. Decided once on the whole training matrix and passed to every fold's signals, so a
    /// fold's inner part and the fitted model always have the same columns.
    /// </summary>
    public static FunnelFeatureGroups Supported(FunnelFeatureGroups requested, CsrMatrix trainingMatrix) =>
        requested.HasFlag(FunnelFeatureGroups.PlayDepth) && !PlayDepth.HasDepth(trainingMatrix) ? requested & ~FunnelFeatureGroups.PlayDepth : requested;

    /// <summary>Unit-length sum of the tag vectors of the user's positive items; null when none has tags.</summary>
    private float[]? ListeningProfile(int user)
    {
        var tags = ItemTags!;
        var profile = new float[tags.Columns];
        var any = false;
        var items = _interactions.RowIndices(user);
        var values = _interactions.RowValues(user);
        for (var p = 0; p < items.Length; p++)
        {
            if (values[p] <= 0) continue;
            var t = tags.RowIndices(items[p]);
            var w = tags.RowValues(items[p]);
            for (var q = 0; q < t.Length; q++) { profile[t[q]] += w[q]; any = true; }
        }
        return any && Normalise(profile) ? profile : null;
    }

    private static float[]? Dense(CsrMatrix rows, int row)
    {
        if (rows.RowLength(row) == 0) return null;
        var dense = new float[rows.Columns];
        var t = rows.RowIndices(row);
        var w = rows.RowValues(row);
        for (var q = 0; q < t.Length; q++) dense[t[q]] = w[q];
        return dense;
    }

    private static float Dot(float[] dense, CsrMatrix rows, int row)
    {
        var t = rows.RowIndices(row);
        var w = rows.RowValues(row);
        var sum = 0f;
        for (var q = 0; q < t.Length; q++) sum += dense[t[q]] * w[q];
        return sum;
    }

    private static bool Normalise(Span<float> v)
    {
        double squares = 0;
        foreach (var x in v) squares += (double)x * x;
        if (squares <= 0) return false;
        var scale = (float)(1 / Math.Sqrt(squares));
        for (var i = 0; i < v.Length; i++) v[i] *= scale;
        return true;
    }

    private static FunnelFeatureGroups Available(FunnelFeatureGroups requested, SideInformation? side)
    {
        var groups = requested;
        if (side?.Tags is null) groups &= ~(FunnelFeatureGroups.Tags | FunnelFeatureGroups.OwnTags);
        if (side?.UserLinks is null) groups &= ~FunnelFeatureGroups.Friends;
        return groups;
    }

    /// <summary>Users x items, tags per (user, item).</summary>
    private static CsrMatrix TagCounts(UserItemTags tags)
    {
        var ones = new float[tags.Count];
        Array.Fill(ones, 1f);
        return CsrMatrix.FromTriples(tags.UserCount, tags.ItemCount, tags.Users, tags.Items, ones);
    }

    /// <summary>Items x tags, unit TF-IDF rows over every user's assignments.</summary>
    private static CsrMatrix ItemTagVectors(UserItemTags tags)
    {
        var ones = new float[tags.Count];
        Array.Fill(ones, 1f);
        var counts = CsrMatrix.FromTriples(tags.ItemCount, tags.TagCount, tags.Items, tags.Tags, ones);
        return TfIdf(counts, Idf(counts));
    }

    /// <summary>Users x tags, unit TF-IDF rows of the tags each user applied (idf from the items' tag use).</summary>
    private static CsrMatrix OwnTagVectors(UserItemTags tags)
    {
        var ones = new float[tags.Count];
        Array.Fill(ones, 1f);
        var itemCounts = CsrMatrix.FromTriples(tags.ItemCount, tags.TagCount, tags.Items, tags.Tags, ones);
        var userCounts = CsrMatrix.FromTriples(tags.UserCount, tags.TagCount, tags.Users, tags.Tags, ones);
        return TfIdf(userCounts, Idf(itemCounts));
    }

    /// <summary>idf(t) = ln(rows with any tag / rows with t).</summary>
    private static float[] Idf(CsrMatrix counts)
    {
        var df = counts.ColumnCounts();
        var tagged = 0;
        for (var r = 0; r < counts.Rows; r++) if (counts.RowLength(r) > 0) tagged++;
        var idf = new float[counts.Columns];
        for (var t = 0; t < idf.Length; t++) idf[t] = df[t] == 0 ? 0f : MathF.Log((float)tagged / df[t]);
        return idf;
    }

    private static CsrMatrix TfIdf(CsrMatrix counts, float[] idf)
    {
        var values = counts.Values.ToArray();
        var indices = counts.ColumnIndices;
        for (var p = 0; p < values.Length; p++) values[p] = (1 + MathF.Log(values[p])) * idf[indices[p]];
        for (var r = 0; r < counts.Rows; r++) Normalise(values.AsSpan(counts.Offsets[r], counts.RowLength(r)));
        return counts.WithValues(values);
    }
}

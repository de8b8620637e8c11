namespace Encore.Data.Splits;

/// <summary>Deterministic orderings of event rows by time: ties keep input order, unknown times sort first.</summary>
internal static class TimeOrder
{
    /// <summary>Sorts <paramref name="rows"/> in place by (timestamp, row).</summary>
    public static void SortByTime(Span<int> rows, long[] timestamps, long[] keyScratch)
    {
        var keys = keyScratch.AsSpan(0, rows.Length);
        for (var j = 0; j < rows.Length; j++) keys[j] = timestamps[rows[j]];
        keys.Sort(rows);
        // Array.Sort is unstable: restore input order inside each run of equal times.
        var start = 0;
        for (var j = 1; j <= rows.Length; j++)
        {
            if (j < rows.Length && keys[j] == keys[start]) continue;
            if (j - start > 1) rows[start..j].Sort();
            start = j;
        }
    }

    /// <summary>Rows grouped by user (users ascending), each group sorted by (time, row); offsets per user.</summary>
    public static (int[] Offsets, int[] Rows) ByUserThenTime(int[] users, long[] timestamps)
    {
        var userCount = 0;
        foreach (var u in users) userCount = Math.Max(userCount, u + 1);
        var offsets = new int[userCount + 1];
        foreach (var u in users) offsets[u + 1]++;
        for (var u = 0; u < userCount; u++) offsets[u + 1] += offsets[u];
        var cursor = offsets[..^1];
        var rows = new int[users.Length];
        for (var r = 0; r < users.Length; r++) rows[cursor[users[r]]++] = r;
        var longest = 0;
        for (var u = 0; u < userCount; u++) longest = Math.Max(longest, offsets[u + 1] - offsets[u]);
        var scratch = new long[longest];
        for (var u = 0; u < userCount; u++) SortByTime(rows.AsSpan(offsets[u], offsets[u + 1] - offsets[u]), timestamps, scratch);
        return (offsets, rows);
    }
}

using Encore.Core.Ids;

namespace Encore.Models.ColdStart;

/// <summary>A request's external item ids mapped to dense indices; unknown ids collected, repeated history items merged.</summary>
internal sealed class ResolvedRequest
{
    internal ResolvedRequest(int[] historyItems, float[] historyValues, int[]? exclude, int[]? allow, string[] unknown)
    {
        HistoryItems = historyItems;
        HistoryValues = historyValues;
        Exclude = exclude;
        Allow = allow;
        Unknown = unknown;
    }

    /// <summary>Distinct known history items in first-seen order; values of repeats are added.</summary>
    public int[] HistoryItems { get; }

    public float[] HistoryValues { get; }

    public int[]? Exclude { get; }

    public int[]? Allow { get; }

    public string[] Unknown { get; }

    public static ResolvedRequest Resolve(ColdStartRequest request, IdMap items)
    {
        var history = request.History ?? [];
        if (request.HistoryValues is { } given && given.Count != history.Count)
            throw new ArgumentException($"The history has {history.Count} items but {given.Count} values; give one value per item.", nameof(request));
        var unknown = new List<string>();
        var position = new Dictionary<int, int>();
        var historyItems = new List<int>();
        var historyValues = new List<float>();
        for (var i = 0; i < history.Count; i++)
        {
            var value = request.HistoryValues?[i] ?? 1f;
            if (!items.TryGetTrackIndex(history[i], out var item))
            {
                AddOnce(unknown, history[i]);
                continue;
            }
            if (position.TryGetValue(item, out var at)) historyValues[at] += value;
            else
            {
                position[item] = historyItems.Count;
                historyItems.Add(item);
                historyValues.Add(value);
            }
        }
        var exclude = Known(request.Exclude, items, unknown);
        var allow = Known(request.Allow, items, unknown);
        return new ResolvedRequest([.. historyItems], [.. historyValues], exclude, allow, [.. unknown]);
    }

    private static int[]? Known(IReadOnlyList<string>? ids, IdMap items, List<string> unknown)
    {
        if (ids is null) return null;
        var missing = new List<string>();
        var known = items.KnownTrackIndices(ids, missing);
        foreach (var id in missing) AddOnce(unknown, id);
        return known;
    }

    private static void AddOnce(List<string> list, string id)
    {
        if (!list.Contains(id)) list.Add(id);
    }
}

using Encore.Core.Ids;

namespace Encore.Online.Serving;

/// <summary>Shared request checks: bounds of k and list lengths, external -> dense id mapping.</summary>
internal static class RequestChecks
{
    public static void K(int k, int max, string field = "k")
    {
        if (k < 1 || k > max)
            throw OnlineRequestException.Invalid(field, $"{field} must be between 1 and {max}; got {k}.");
    }

    public static void Length<T>(IReadOnlyList<T>? list, int max, string field)
    {
        if (list is not null && list.Count > max)
            throw OnlineRequestException.Invalid(field, $"{field} holds {list.Count} entries; at most {max} are allowed.");
    }

    public static string Id(string? id, string field)
    {
        var problems = new List<(string, string)>();
        Feedback.EventValidator.CheckId(id, field, required: true, problems);
        if (problems.Count > 0) throw OnlineRequestException.Invalid(field, $"{field} {problems[0].Item2}");
        return id!;
    }

    /// <summary>Dense indices of the ids the map knows; unknown ids are skipped and counted.</summary>
    public static int[] Known(IReadOnlyList<string>? ids, IdMap map, ref int ignored)
    {
        if (ids is null) return [];
        var result = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (id is not null && map.TryGetIndex(id, out var index)) result.Add(index);
            else ignored++;
        }
        return [.. result];
    }
}

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

    /// <summary>
    /// Refuses (400, naming <paramref name="field"/>) an id that holds a control character: such an id can never
    /// be stored or addressed, so it is malformed input, not merely an unknown id (issue 12 item 8).
    /// </summary>
    public static void NoControl(string? id, string field)
    {
        if (id is not null && id.Any(char.IsControl))
            throw OnlineRequestException.Invalid(field, $"{field} contains control characters; ids are printable text.");
    }

    /// <summary>
    /// Every entry of a list of track ids is a string without control characters (field[i] named). A JSON
    /// <c>null</c> in the list is a 400 too: it was once dropped silently, so <c>"allow": [null]</c> answered an empty list.
    /// </summary>
    public static void IdList(IReadOnlyList<string?>? ids, string field)
    {
        if (ids is null) return;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is null) throw OnlineRequestException.Invalid($"{field}[{i}]", "is null; expected a track id.");
            NoControl(ids[i], $"{field}[{i}]");
        }
    }

    /// <summary>
    /// Dense indices of the track ids the map knows (bare or <c>spotify:track:</c> form, <see cref="TrackIdForms"/>);
    /// unknown ids are skipped and counted; an id with control characters is refused.
    /// </summary>
    public static int[] Known(IReadOnlyList<string>? ids, IdMap map, ref int ignored, string field = "ids")
    {
        if (ids is null) return [];
        IdList(ids, field);
        var result = map.KnownTrackIndices(ids);
        ignored += ids.Count - result.Length;
        return result;
    }
}

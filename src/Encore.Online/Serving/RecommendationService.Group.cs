using Encore.Core.Ids;
using Encore.Models.Group;
using Encore.Online.Feedback;
using Encore.Online.Registry;

namespace Encore.Online.Serving;

/// <summary>
/// Group recommendations: each member is resolved through the cold-start chain and scores every track; tracks
/// any member already has (when excluding seen: training row and stored feedback), any member rejected (newest event a
/// skip or dislike, always), excluded or not allowed are masked, then the members' scores
/// are aggregated by the chosen <see cref="GroupStrategy"/> (<see cref="ScoreTableAggregator"/>), with each
/// member's satisfaction.
/// </summary>
public sealed partial class RecommendationService
{
    /// <summary>Most members one group request may name.</summary>
    public const int MaxGroupMembers = 50;

    public GroupRecommendationResponse ForGroup(GroupRecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestChecks.K(request.K, _options.MaxK);
        if (request.Members is null || request.Members.Count == 0) throw OnlineRequestException.Invalid("members", "is empty; a group needs at least one member.");
        RequestChecks.Length(request.Members, MaxGroupMembers, "members");
        var strategy = ParseStrategy(request.Strategy);
        var normalisation = ParseNormalisation(request.Normalisation);
        var serving = Model(request.Model);
        var n = serving.Model.Items.Count;
        var ignored = 0;
        var filters = Filters(serving.Model, request.ExcludeSeen, request.Exclude, request.Allow, ref ignored);
        var mask = new bool[n];
        if (filters.Exclude is { } exclude) foreach (var i in exclude) mask[i] = true;
        if (filters.Allow is { } allow)
        {
            var allowed = new bool[n];
            foreach (var i in allow) allowed[i] = true;
            for (var i = 0; i < n; i++) mask[i] |= !allowed[i];
        }
        var table = new List<float[]>(request.Members.Count);
        var histories = new List<(int[] Items, float[] Values)>(request.Members.Count);
        var paths = new (string? User, string Path, string? Reason)[request.Members.Count];
        var memberAt = new Dictionary<string, (int Index, bool History)>(StringComparer.Ordinal);
        for (var m = 0; m < request.Members.Count; m++)
        {
            var member = request.Members[m] ?? throw OnlineRequestException.Invalid($"members[{m}]", "is null; expected {\"user\": id, \"history\": [...]}.");
            var user = RequestChecks.Id(member.User, $"members[{m}].user");
            // The same person twice would weigh double in every strategy without the client knowing. Placeholder ids that
            // each bring their own history (two "guest" members) are distinct people and stay allowed.
            var hasHistory = member.History is { Count: > 0 };
            if (memberAt.TryGetValue(user, out var first) && !(first.History && hasHistory))
                throw OnlineRequestException.Invalid($"members[{m}].user", $"'{user}' is already members[{first.Index}]; name each member once (a repeated id is allowed only when every entry brings its own history).");
            memberAt.TryAdd(user, (m, hasHistory));
            var profile = _coldStart.Resolve(serving, user, member.History, $"members[{m}].history");
            if (request.ExcludeSeen) MaskSeen(serving, profile, mask);
            // Read from the store, not the in-memory view: in a cluster the member's feedback may have gone through another node.
            var avoid = UserFeedback.From(_events.HistoryOf(user, _options.MaxListLength), _options.MaxListLength).Avoid(request.ExcludeSeen);
            foreach (var item in serving.Model.Items.KnownTrackIndices(avoid)) mask[item] = true;
            var scored = ProfileScoring.All(serving, profile);
            table.Add(scored.Scores);
            histories.Add(History(serving, profile));
            paths[m] = (user, scored.Path, scored.Reason);
        }
        foreach (var row in table)
            for (var i = 0; i < n; i++)
                if (mask[i]) row[i] = float.NaN;
        var result = ScoreTableAggregator.Aggregate(table, request.K, new GroupOptions { Strategy = strategy, Normalisation = normalisation },
            strategy == GroupStrategy.ExpectedPlays ? histories : null);
        var members = new MemberResult[paths.Length];
        for (var m = 0; m < members.Length; m++)
            members[m] = new MemberResult(paths[m].User, paths[m].Path, result.Members[m].ShareInOwnTopN, result.Members[m].MeanNormalisedScore, paths[m].Reason);
        return new GroupRecommendationResponse(serving.Name, serving.Version, GroupStrategyNames.Of(strategy), Tracks(serving.Model, result.Items, result.Scores), members, result.MinimumShare);
    }

    private static void MaskSeen(ServingModel serving, UserProfile profile, bool[] mask)
    {
        if (profile.Path == ServingPath.Model)
        {
            if (serving.Seen is { } seen && profile.User < seen.Rows)
                foreach (var i in seen.RowIndices(profile.User)) mask[i] = true;
            return;
        }
        foreach (var i in profile.Items) mask[i] = true;
        if (profile.User >= 0 && serving.Seen is { } own && profile.User < own.Rows)
            foreach (var i in own.RowIndices(profile.User)) mask[i] = true; // a known user without signal: skips and dislikes
    }

    private static GroupStrategy ParseStrategy(string? name) =>
        name is null ? GroupStrategy.Average
        : GroupStrategyNames.TryParse(name, out var strategy) ? strategy
        : throw OnlineRequestException.Invalid("strategy", GroupStrategyNames.Problem(name));

    /// <summary>
    /// A member's plays for <see cref="GroupStrategy.ExpectedPlays"/>: a known user's positive training row, or the
    /// history the request gave (folded-in members); nothing for a popularity stand-in.
    /// </summary>
    private static (int[] Items, float[] Values) History(ServingModel serving, UserProfile profile)
    {
        if (profile.Path != ServingPath.Model) return (profile.Items, profile.Values);
        if (serving.Model is not Encore.Models.Contract.RecommenderBase trained || profile.User >= trained.Signal.Rows) return ([], []);
        return (trained.Signal.RowIndices(profile.User).ToArray(), trained.Signal.RowValues(profile.User).ToArray());
    }

    private static ScoreNormalisation ParseNormalisation(string? name) => name?.ToLowerInvariant() switch
    {
        null or "min-max" => ScoreNormalisation.MinMax,
        "rank" => ScoreNormalisation.Rank,
        _ => throw OnlineRequestException.Invalid("normalisation", $"'{name}' is not a normalisation; expected min-max or rank."),
    };
}

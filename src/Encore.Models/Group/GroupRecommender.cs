using Encore.Core.Sparse;
using Encore.Models.ColdStart;
using Encore.Models.Contract;

namespace Encore.Models.Group;

/// <summary>
/// Group recommendation on top of any model: scores every item for each member (known users through
/// <see cref="IRecommender.Score"/>, unknown ones through <see cref="IHistoryRecommender"/>), masks items
/// any member has already (when <see cref="RecommendOptions.ExcludeSeen"/>) and the request's exclusions,
/// then aggregates with <see cref="ScoreTableAggregator"/>.
/// </summary>
public sealed class GroupRecommender(IRecommender model, GroupOptions? options = null)
{
    public IRecommender Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    public GroupOptions Options { get; } = options ?? new GroupOptions();

    private Popularity.PopularityModel? _fallback;

    public GroupRecommendation Recommend(IReadOnlyList<GroupMember> members, int k, RecommendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        options ??= RecommendOptions.Default;
        var n = Model.Items.Count;
        var all = new int[n];
        for (var i = 0; i < n; i++) all[i] = i;
        var table = new List<float[]>(members.Count);
        foreach (var member in members) table.Add(MemberScores(member, all));
        var mask = Mask(members, options, n);
        foreach (var row in table)
            for (var i = 0; i < n; i++)
                if (mask[i]) row[i] = float.NaN;
        var histories = Options.Strategy == GroupStrategy.ExpectedPlays ? [.. members.Select(History)] : (IReadOnlyList<(int[], float[])>?)null;
        return ScoreTableAggregator.Aggregate(table, k, Options, histories);
    }

    /// <summary>A member's training plays for <see cref="GroupStrategy.ExpectedPlays"/>: the model's positive training row, or the given history.</summary>
    private (int[] Items, float[] Values) History(GroupMember member)
    {
        if (!member.IsKnown) return (member.HistoryItems ?? [], member.HistoryValues ?? []);
        if (Model is not RecommenderBase trained || member.User >= trained.Signal.Rows) return ([], []);
        return (trained.Signal.RowIndices(member.User).ToArray(), trained.Signal.RowValues(member.User).ToArray());
    }

    private float[] MemberScores(GroupMember member, int[] all)
    {
        var scores = new float[all.Length];
        if (member.IsKnown)
        {
            if (member.User >= Model.Users.Count)
                throw new ArgumentOutOfRangeException(nameof(member), member.User, $"Member user {member.User} is outside the model's {Model.Users.Count} users; pass their history instead.");
            if (ColdStartRecommender.HasSignal(Model, member.User))
            {
                Model.Score(member.User, all, scores);
                return scores;
            }
            // Known, but only skips / dislikes: the cold-start chain's popularity step stands in for the member.
            return Popularity(scores);
        }
        if (Model is not IHistoryRecommender history)
            throw new ArgumentException($"Model '{Model.ModelName}' cannot score a member from a history (no fold-in); use known users or a model such as item-kNN, EASE or popularity.", nameof(member));
        var (items, values) = history.RecommendFromHistory(member.HistoryItems ?? [], member.HistoryValues ?? [], all.Length, new RecommendOptions { ExcludeSeen = false });
        // A history that gives the model no evidence (only tracks without signal) would leave every item NaN, "not a candidate",
        // and the group no list at all: the popularity step stands in, as the cold-start chain does for the member alone.
        if (items.Length == 0) return Popularity(scores);
        FoldInScoreVector.Fill(Model, items, values, scores);
        return scores;
    }

    private float[] Popularity(float[] scores)
    {
        _fallback ??= ColdStartRecommender.FallbackFor(Model);
        _fallback.ItemScores.CopyTo(scores);
        if (_fallback.NoSignalItems is { } none)
            for (var i = 0; i < scores.Length; i++)
                if (none[i]) scores[i] = float.NaN;
        return scores;
    }

    private bool[] Mask(IReadOnlyList<GroupMember> members, RecommendOptions options, int n)
    {
        // Tracks without any positive signal in training have no evidence behind them (a disliked-only track).
        var mask = (Model as RecommenderBase)?.NoSignalItems is { } none ? (bool[])none.Clone() : new bool[n];
        if (options.ExcludeSeen)
        {
            var seen = options.SeenItems ?? (Model as RecommenderBase)?.Interactions;
            foreach (var member in members)
            {
                var items = member.IsKnown ? Row(seen, member.User) : member.HistoryItems ?? [];
                foreach (var item in items)
                    if ((uint)item < (uint)n) mask[item] = true;
            }
        }
        if (options.Exclude is { } exclude)
            foreach (var item in exclude)
                if ((uint)item < (uint)n) mask[item] = true;
        if (options.Allow is { } allow)
        {
            var allowed = new bool[n];
            foreach (var item in allow)
                if ((uint)item < (uint)n) allowed[item] = true;
            for (var i = 0; i < n; i++) mask[i] |= !allowed[i];
        }
        return mask;
    }

    private static int[] Row(CsrMatrix? seen, int user) =>
        seen is not null && user < seen.Rows ? seen.RowIndices(user).ToArray() : [];
}

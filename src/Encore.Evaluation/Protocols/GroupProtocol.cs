using System.Globalization;
using Encore.Core.Sparse;
using Encore.Evaluation.Runs;
using Encore.Evaluation.Statistics;
using Encore.Models.Contract;
using Encore.Models.Group;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// SPEC S1's group protocol over a prepared protocol's held-out pairs: seeded random groups (default 10 of 5),
/// group Precision@k mean, standard deviation and 95% bootstrap interval over groups, and the least-served
/// member's precision (fairness), for a fitted model under every <see cref="GroupStrategy"/> plus the model-free
/// basic group model. One run (kind "group") per strategy; its per-"user" values are per group, keyed by the
/// group's draw ordinal, so <see cref="CompareWithBasic"/> (or <see cref="RunComparison"/>) pairs groups.
/// Relevance follows <see cref="ProtocolOptions.GroupRelevance"/>: under <see cref="GroupRelevance.Any"/> (SPEC S1)
/// every held-out track with score >= the threshold counts and models rank played tracks too, by their scores.
/// </summary>
public static class GroupProtocol
{
    public const string BasicModelName = "basic-group";

    /// <summary>
    /// Settings the group protocol (SPEC S1's evaluation) gives a model when the caller did not set them: S1's WMF as its
    /// author set it (lambda 0.01), not the penalty plain <c>evaluate</c> chooses from the data (WmfRegularizationRule). Under
    /// S1's group rule the member's repeats count as relevant, and the author's tiny penalty, which fits every played track
    /// to 1, scored higher there (IUM 2023 validation, 100 groups, least-misery P@10: 0.3010 against 0.2380 with the chosen
    /// penalty; bench/results/defaults-s16.md), while per-user NDCG@10 of new tracks rose 0.1377 -> 0.1671 with it.
    /// Keys: model name, then setting name and value as for <c>--set model.setting=value</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> AuthorSettings { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["wmf"] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["regularization"] = "0.01" },
        };

    /// <summary>
    /// Number of users the groups are drawn from (users with a relevant held-out track under the protocol's rule).
    /// With G groups of m members drawn from n users each user sits in about m G / n groups, so groups are not
    /// independent when m G &gt; n: a paired test over groups then understates the variance (docs/evaluation.md).
    /// </summary>
    public static int MemberPool(PreparedProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var relevant = Relevant(protocol, protocol.Options.GroupRelevance);
        var count = 0;
        for (var u = 0; u < relevant.Rows; u++)
            if (relevant.RowLength(u) > 0) count++;
        return count;
    }

    /// <summary>
    /// Refuses, before any model is fitted, a protocol whose <see cref="MemberPool"/> cannot fill one group of
    /// <see cref="GroupEvaluationOptions.GroupSize"/> (the group tables would otherwise fail after every fit).
    /// </summary>
    /// <exception cref="Core.Errors.EncoreException">Fewer users with a relevant held-out track than one group needs, with the reason.</exception>
    public static void EnsureGroupsCanBeDrawn(PreparedProtocol protocol)
    {
        var pool = MemberPool(protocol);
        var size = new GroupEvaluationOptions().GroupSize;
        if (pool >= size) return;
        throw new Core.Errors.EncoreException(
            $"no groups to measure: groups of {size} are drawn from the users with a relevant held-out track under {protocol.Label} " +
            $"({protocol.Options.GroupRelevanceLabel}), and only {pool:N0} user{(pool == 1 ? " has" : "s have")} one. " +
            "Evaluate groups on data with more users, or leave out --groups.");
    }

    /// <summary>
    /// Runs every strategy over the model and the basic model on the same seeded groups; <c>groups</c> overrides the
    /// number of groups (null = <see cref="GroupEvaluationOptions.Groups"/>, 10 as in SPEC S1) and <c>strategies</c>
    /// the strategies to run (null = all).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer users with relevant held-out tracks than one group needs.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked before every group's list).</exception>
    public static IReadOnlyList<ExperimentRun> Run(PreparedProtocol protocol, IRecommender model, EvaluationSettings settings,
        GroupEvaluationOptions? options = null, int? groups = null, IReadOnlyList<GroupStrategy>? strategies = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var relevance = protocol.Options.GroupRelevance;
        options ??= new GroupEvaluationOptions { Seed = protocol.Options.Seed };
        options = options with
        {
            Ks = settings.Ks,
            Groups = groups ?? options.Groups,
            // The relevant matrix below is already filtered by the threshold: every stored value counts.
            RelevanceThreshold = float.NegativeInfinity,
        };
        var relevant = Relevant(protocol, relevance);
        var recommendOptions = relevance == GroupRelevance.Any
            ? new RecommendOptions { ExcludeSeen = false }
            : new RecommendOptions { SeenItems = protocol.Train.Interactions };
        var label = $"{protocol.Label}, {protocol.Options.GroupRelevanceLabel}, groups of {options.GroupSize}";
        var runs = new List<ExperimentRun>();
        foreach (var strategy in strategies ?? Enum.GetValues<GroupStrategy>())
        {
            var recommender = new GroupRecommender(model, new GroupOptions { Strategy = strategy, RepeatShare = protocol.Options.GroupRepeatShare });
            runs.Add(Evaluate(relevant, label, settings, options, $"{model.ModelName}/{Kebab(strategy)}", Kebab(strategy), model.ModelName,
                (members, k) =>
                {
                    // Ctrl+C during the group protocol (100 groups x 7 strategies) stops within one group's list.
                    cancellationToken.ThrowIfCancellationRequested();
                    return recommender.Recommend([.. members.Select(GroupMember.Known)], k, recommendOptions).Items;
                }));
        }
        var basic = new BasicGroupModel(protocol.Train.Interactions, seed: protocol.Options.Seed);
        runs.Add(Evaluate(relevant, label, settings, options, BasicModelName, "overlap-of-top-50", "none",
            (members, k) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return basic.Recommend(members, k);
            }));
        return runs;
    }

    /// <summary>
    /// Paired bootstrap of every run against the basic group model's run on group Precision@k that resamples the
    /// users the groups are drawn from as well as the groups (<see cref="MemberClusterBootstrap"/>): the test that
    /// respects shared members. Groups are matched by draw ordinal; <paramref name="groups"/> must be the count the
    /// runs were made with.
    /// </summary>
    /// <exception cref="ArgumentException">No basic-group run, k not evaluated, or a run's groups differ from the basic run's.</exception>
    public static IReadOnlyList<(ExperimentRun Run, MemberClusterResult Result)> CompareWithBasicOverUsers(PreparedProtocol protocol,
        IReadOnlyList<ExperimentRun> runs, int k, int groups, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(runs);
        var basic = runs.FirstOrDefault(r => r.Model == BasicModelName)
            ?? throw new ArgumentException($"no {BasicModelName} run to compare with.", nameof(runs));
        var metric = $"group-precision@{k.ToString(CultureInfo.InvariantCulture)}";
        var options = new GroupEvaluationOptions { Seed = protocol.Options.Seed, Groups = groups };
        var members = GroupEvaluator.DrawGroups(Relevant(protocol, protocol.Options.GroupRelevance), options);
        var reference = PerGroup(basic, metric);
        var result = new List<(ExperimentRun, MemberClusterResult)>();
        foreach (var run in runs.Where(r => !ReferenceEquals(r, basic)))
        {
            var values = PerGroup(run, metric);
            if (values.Count != reference.Count || values.Keys.Any(g => !reference.ContainsKey(g)))
                throw new ArgumentException($"run {run.Model} was evaluated on other groups than {BasicModelName}.", nameof(runs));
            var ordinals = reference.Keys.Order().ToArray();
            result.Add((run, MemberClusterBootstrap.Compare([.. ordinals.Select(g => members[g])],
                [.. ordinals.Select(g => values[g] - reference[g])], seed: seed)));
        }
        return result;
    }

    private static Dictionary<int, double> PerGroup(ExperimentRun run, string metric)
    {
        if (!run.PerUser.TryGetValue(metric, out var values))
            throw new ArgumentException($"run {run.Model} has no per-group {metric}.", nameof(run));
        var map = new Dictionary<int, double>();
        for (var i = 0; i < run.Users.Length; i++) map[run.Users[i]] = values[i];
        return map;
    }

    /// <summary>
    /// Paired test (over the same groups) of every run against the basic group model's run, on group Precision@k:
    /// differences are strategy - basic. Returns one (run, result) per non-basic run.
    /// </summary>
    /// <exception cref="ArgumentException">No basic-group run among <paramref name="runs"/>, or k was not evaluated.</exception>
    public static IReadOnlyList<(ExperimentRun Run, PairedComparisonResult Result)> CompareWithBasic(IReadOnlyList<ExperimentRun> runs, int k, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var basic = runs.FirstOrDefault(r => r.Model == BasicModelName)
            ?? throw new ArgumentException($"no {BasicModelName} run to compare with.", nameof(runs));
        var metric = $"group-precision@{k.ToString(CultureInfo.InvariantCulture)}";
        return [.. runs.Where(r => !ReferenceEquals(r, basic)).Select(r => (r, RunComparison.Compare(basic, r, metric, seed)))];
    }

    /// <summary>The relevant held-out pairs under a rule: Any = every held-out pair with score >= threshold; New = the protocol's target.</summary>
    internal static CsrMatrix Relevant(PreparedProtocol protocol, GroupRelevance relevance) => relevance == GroupRelevance.Any
        ? PairFilter.AtLeast(protocol.HeldOut ?? protocol.Target, protocol.Options.RelevanceThreshold)
        : protocol.Target;

    private static ExperimentRun Evaluate(CsrMatrix relevant, string label, EvaluationSettings settings, GroupEvaluationOptions options,
        string name, string strategy, string baseModel, Func<int[], int, int[]> recommend)
    {
        var time = settings.Time;
        var startedAt = time.GetUtcNow();
        var start = time.GetTimestamp();
        var result = GroupEvaluator.Evaluate(relevant, recommend, options);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        var intervals = new Dictionary<string, MetricInterval>(StringComparer.Ordinal);
        var perGroup = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var k in options.Ks)
        {
            var at = k.ToString(CultureInfo.InvariantCulture);
            var values = result.PrecisionsAt(k);
            means[$"group-precision@{at}"] = result.Mean(k);
            means[$"group-precision-sd@{at}"] = result.StandardDeviation(k);
            means[$"min-member-precision@{at}"] = result.MeanMinMemberPrecision(k);
            var (_, low, high) = BootstrapInterval.OfMean(values, settings.BootstrapResamples, 0.95, options.Seed);
            intervals[$"group-precision@{at}"] = new MetricInterval(low, high);
            perGroup[$"group-precision@{at}"] = values;
        }
        means["groups"] = result.Groups.Count;
        means["excluded-groups"] = result.ExcludedEmptyGroups;
        return new ExperimentRun
        {
            Id = RunIds.NewRunId(startedAt),
            StartedAt = startedAt,
            Kind = "group",
            SweepId = settings.SweepId,
            Model = name,
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["base-model"] = baseModel,
                ["strategy"] = strategy,
                ["group-size"] = options.GroupSize.ToString(CultureInfo.InvariantCulture),
                ["groups"] = options.Groups.ToString(CultureInfo.InvariantCulture),
            },
            Dataset = settings.Dataset,
            DatasetHash = settings.DatasetHash,
            Protocol = string.Create(CultureInfo.InvariantCulture, $"{label}, {options.Groups} groups seed {options.Seed}"),
            CodeVersion = CodeVersion.Current,
            Seed = options.Seed,
            EvaluateSeconds = seconds,
            Means = means,
            Intervals = intervals,
            Users = [.. result.Groups.Select(g => g.Ordinal)],
            PerUser = perGroup,
        };
    }

    /// <summary>"LeastMisery" -> "least-misery".</summary>
    private static string Kebab(GroupStrategy strategy)
    {
        var name = strategy.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}

using System.Globalization;
using Encore.Evaluation.Runs;
using Encore.Models.Contract;
using Encore.Models.Group;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// SPEC S1's group protocol over a prepared protocol's held-out pairs: seeded random groups (default 10 of 5),
/// group Precision@k mean and standard deviation, and the least-served member's precision (fairness), for a
/// fitted model under every <see cref="GroupStrategy"/> plus the model-free basic group model. One run
/// (kind "group") per strategy.
/// </summary>
public static class GroupProtocol
{
    public const string BasicModelName = "basic-group";

    public static IReadOnlyList<ExperimentRun> Run(PreparedProtocol protocol, IRecommender model, EvaluationSettings settings,
        GroupEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        // Held-out pairs are already the relevant ones: every stored value counts.
        options = (options ?? new GroupEvaluationOptions { Seed = protocol.Options.Seed }) with
        {
            Ks = settings.Ks,
            RelevanceThreshold = float.NegativeInfinity,
        };
        var seen = new RecommendOptions { SeenItems = protocol.Train.Interactions };
        var runs = new List<ExperimentRun>();
        foreach (var strategy in Enum.GetValues<GroupStrategy>())
        {
            var recommender = new GroupRecommender(model, new GroupOptions { Strategy = strategy });
            runs.Add(Evaluate(protocol, settings, options, $"{model.ModelName}/{Kebab(strategy)}", Kebab(strategy), model.ModelName,
                (members, k) => recommender.Recommend([.. members.Select(GroupMember.Known)], k, seen).Items));
        }
        var basic = new BasicGroupModel(protocol.Train.Interactions, seed: protocol.Options.Seed);
        runs.Add(Evaluate(protocol, settings, options, BasicModelName, "overlap-of-top-50", "none",
            (members, k) => basic.Recommend(members, k)));
        return runs;
    }

    private static ExperimentRun Evaluate(PreparedProtocol protocol, EvaluationSettings settings, GroupEvaluationOptions options,
        string name, string strategy, string baseModel, Func<int[], int, int[]> recommend)
    {
        var time = settings.Time;
        var startedAt = time.GetUtcNow();
        var start = time.GetTimestamp();
        var result = GroupEvaluator.Evaluate(protocol.Target, recommend, options);
        var seconds = time.GetElapsedTime(start).TotalSeconds;
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var k in options.Ks)
        {
            var at = k.ToString(CultureInfo.InvariantCulture);
            means[$"group-precision@{at}"] = result.Mean(k);
            means[$"group-precision-sd@{at}"] = result.StandardDeviation(k);
            means[$"min-member-precision@{at}"] = result.MeanMinMemberPrecision(k);
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
            Protocol = $"{protocol.Label}, groups of {options.GroupSize}",
            CodeVersion = CodeVersion.Current,
            Seed = options.Seed,
            EvaluateSeconds = seconds,
            Means = means,
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

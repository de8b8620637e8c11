using Encore.Core.Sparse;
using Encore.Evaluation.Protocols;

namespace Encore.Evaluation.Tests.Protocols;

public sealed class GroupEvaluatorTests
{
    // Five users, ten items. Relevant (score >= 1): u0 {0}, u1 {2}, u2 {3, 4}, u3 none (item 1 at 0.5), u4 {5};
    // u0 also has item 1 at 0.5. Union = {0, 2, 3, 4, 5}.
    private static CsrMatrix FiveUsers() => CsrMatrix.FromTriples(5, 10,
        [0, 0, 1, 2, 2, 3, 4], [0, 1, 2, 3, 4, 1, 5], [2f, 0.5f, 1f, 1f, 1f, 0.5f, 1f]);

    [Fact]
    public void Evaluate_WholePopulationGroup_HandWorkedPrecisionAndFairness()
    {
        var options = new GroupEvaluationOptions { GroupSize = 5, Groups = 3, Ks = [2, 5] };
        int[]? askedMembers = null;
        var askedK = 0;
        var result = GroupEvaluator.Evaluate(FiveUsers(), (members, k) =>
        {
            askedMembers = members;
            askedK = k;
            return [0, 2, 3, 5, 1, 9];
        }, options);

        Assert.NotNull(askedMembers);
        Assert.Equal([0, 1, 2, 3, 4], askedMembers);
        Assert.Equal(5, askedK);
        Assert.Equal(3, result.Groups.Count);
        Assert.Equal(0, result.ExcludedEmptyGroups);
        Assert.Equal(5, result.Groups[0].RelevantCount);
        // @2: [0, 2] both relevant -> 1; @5: 0, 2, 3, 5 relevant -> 4/5.
        Assert.Equal(1.0, result.Mean(2), 12);
        Assert.Equal(0.8, result.Mean(5), 12);
        Assert.Equal(0.0, result.StandardDeviation(5), 12);
        // Own precision @2: u0 1/2, u1 1/2, u2 0, u4 0 (u3 has nothing relevant and is left out) -> 0.
        // @5: u0, u1, u2, u4 each have one hit -> 1/5.
        Assert.Equal(0.0, result.MeanMinMemberPrecision(2), 12);
        Assert.Equal(0.2, result.MeanMinMemberPrecision(5), 12);
    }

    [Fact]
    public void Evaluate_EmptyRelevantSet_GroupExcludedAndCounted()
    {
        var validation = CsrMatrix.FromTriples(2, 3, [0, 1], [0, 1], [0.5f, 0.2f]);
        var options = new GroupEvaluationOptions { GroupSize = 2, Groups = 4 };
        var result = GroupEvaluator.Evaluate(validation, (_, _) => [0, 1], options);
        Assert.Empty(result.Groups);
        Assert.Equal(4, result.ExcludedEmptyGroups);
        Assert.Equal(0.0, result.Mean(10));
        Assert.Equal(0.0, result.StandardDeviation(10));
    }

    [Fact]
    public void Evaluate_SameSeed_SameGroupsFromUsersWithValidationDataOnly()
    {
        // 40 users; only even users have validation rows.
        var rows = Enumerable.Range(0, 20).Select(i => 2 * i).ToArray();
        var validation = CsrMatrix.FromTriples(40, 40, rows, rows, Enumerable.Repeat(1f, 20).ToArray());
        var options = new GroupEvaluationOptions { Seed = 9 };
        var first = GroupEvaluator.Evaluate(validation, (m, _) => m, options);
        var second = GroupEvaluator.Evaluate(validation, (m, _) => m, options);
        var other = GroupEvaluator.Evaluate(validation, (m, _) => m, options with { Seed = 10 });

        Assert.Equal(10, first.Groups.Count);
        for (var g = 0; g < 10; g++)
        {
            var members = first.Groups[g].Members;
            Assert.Equal(members, second.Groups[g].Members);
            Assert.Equal(5, members.Distinct().Count());
            Assert.All(members, m => Assert.Equal(0, m % 2));
        }
        Assert.Contains(Enumerable.Range(0, 10), g => !first.Groups[g].Members.SequenceEqual(other.Groups[g].Members));
        // Recommending the members themselves: each is relevant, so P@5 = 5/5.
        Assert.Equal(1.0, first.Mean(5), 12);
    }

    [Fact]
    public void StandardDeviation_IsSampleDeviationOverGroups()
    {
        GroupOutcome Outcome(double p) => new([0], 1, [p], [p]);
        var result = new GroupEvaluationResult([5], [Outcome(0.2), Outcome(0.4), Outcome(0.6)], 0);
        Assert.Equal(0.4, result.Mean(5), 12);
        Assert.Equal(0.2, result.StandardDeviation(5), 12);
        Assert.Throws<ArgumentException>(() => result.Mean(7));
    }

    [Fact]
    public void Evaluate_TooFewUsersWithValidationData_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => GroupEvaluator.Evaluate(FiveUsers(), (m, _) => m,
            new GroupEvaluationOptions { GroupSize = 6 }));
        Assert.Contains("Only 5 users", ex.Message, StringComparison.Ordinal);
    }
}

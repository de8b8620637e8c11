using Encore.Core.Ids;
using Encore.Core.Sparse;
using Encore.Evaluation.Protocols;
using Encore.Models.Contract;
using Encore.Models.Popularity;

namespace Encore.Evaluation.Tests.Protocols;

// Five users who all played track 0 (score 3) and one own track u + 1 in training; in the held-out part each
// replays track 0 (a repeat), hears a new track 9, and user 1 only skipped track 8 (score 0).
public sealed class GroupRelevanceTests
{
    private const int Users = 5;
    private const int Tracks = 10;

    private static PreparedProtocol Protocol(GroupRelevance relevance)
    {
        var train = Matrix([.. Enumerable.Range(0, Users).SelectMany(u => new[] { (u, 0, 3f), (u, u + 1, 1f) })]);
        var heldOut = Matrix([.. Enumerable.Range(0, Users).SelectMany(u => new[] { (u, 0, 1f), (u, 9, 1f) }), (1, 8, 0f)]);
        var target = Matrix([.. Enumerable.Range(0, Users).Select(u => (u, 9, 1f))]);
        return new PreparedProtocol
        {
            Label = "hand-made",
            Options = new ProtocolOptions { GroupRelevance = relevance },
            Train = new TrainingData(train, IdMap.FromIds(Enumerable.Range(0, Users).Select(u => $"u{u}")), IdMap.FromIds(Enumerable.Range(0, Tracks).Select(i => $"t{i}"))),
            Target = target,
            HeldOut = heldOut,
        };
    }

    private static CsrMatrix Matrix((int User, int Item, float Score)[] triples) =>
        CsrMatrix.FromTriples(Users, Tracks, [.. triples.Select(t => t.User)], [.. triples.Select(t => t.Item)], [.. triples.Select(t => t.Score)]);

    private static Dictionary<string, double> PrecisionAt1(GroupRelevance relevance)
    {
        var protocol = Protocol(relevance);
        var model = new PopularityTrainer().Fit(protocol.Train);
        var runs = GroupProtocol.Run(protocol, model, new EvaluationSettings { Ks = [1, 2] });
        return runs.ToDictionary(r => r.Model, r => r.Means["group-precision@1"]);
    }

    [Fact]
    public void Relevant_Any_KeepsRepeatsAndDropsScoresBelowTheThreshold()
    {
        var sut = GroupProtocol.Relevant(Protocol(GroupRelevance.Any), GroupRelevance.Any);

        Assert.Equal(10, sut.NonZeros);
        Assert.Equal([0, 9], sut.RowIndices(1).ToArray());
    }

    [Fact]
    public void Run_Any_TheReplayedTrackIsAHitForEveryModel()
    {
        var sut = PrecisionAt1(GroupRelevance.Any);

        // Track 0 is every member's most played and everyone's most popular: under SPEC S1's rule it is relevant.
        Assert.Equal(1.0, sut[GroupProtocol.BasicModelName]);
        Assert.Equal(1.0, sut["popularity/average"]);
    }

    [Fact]
    public void Run_New_RepeatsAreNotRelevantAndPlayedTracksAreNotRecommended()
    {
        var sut = PrecisionAt1(GroupRelevance.New);

        Assert.Equal(0.0, sut[GroupProtocol.BasicModelName]);
        // Track 0 is excluded (played), and track 9 has no training user: popularity's first pick is a member's own track.
        Assert.Equal(0.0, sut["popularity/average"]);
    }

    /// <summary>Ctrl+C during <c>evaluate --groups</c> was not seen until the 2 s grace ran out (session 13).</summary>
    [Fact]
    public void Run_Cancelled_Throws()
    {
        var protocol = Protocol(GroupRelevance.Any);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train),
            new EvaluationSettings { Ks = [1] }, groups: 3, cancellationToken: cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train),
            new EvaluationSettings { Ks = [1] }, groups: 3, strategies: [], cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Run_LabelNamesTheRuleAndTheThreshold()
    {
        var protocol = Protocol(GroupRelevance.Any);
        var runs = GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train), new EvaluationSettings { Ks = [1] }, groups: 3);

        Assert.All(runs, r => Assert.Contains("any held-out track with score >= 1, repeats included (SPEC S1)", r.Protocol, StringComparison.Ordinal));
        Assert.All(runs, r => Assert.Equal([0, 1, 2], r.Users));
    }

    [Fact]
    public void CompareWithBasic_PairsTheSameGroups()
    {
        var protocol = Protocol(GroupRelevance.New);
        var runs = GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train), new EvaluationSettings { Ks = [1, 2] }, groups: 20);

        var sut = GroupProtocol.CompareWithBasic(runs, 2);

        Assert.Equal(runs.Count - 1, sut.Count);
        Assert.All(sut, t => Assert.Equal(20, t.Result.Pairs));
        Assert.All(sut, t => Assert.Equal(t.Run.Means["group-precision@2"] - runs[^1].Means["group-precision@2"], t.Result.MeanDifference, 12));
        Assert.Throws<ArgumentException>(() => GroupProtocol.CompareWithBasic(runs.Take(2).ToList(), 2));
    }

    [Fact]
    public void CompareWithBasicOverUsers_PairsTheSameGroupsAndCountsTheUsers()
    {
        var protocol = Protocol(GroupRelevance.New);
        var runs = GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train), new EvaluationSettings { Ks = [1, 2] }, groups: 20);

        var sut = GroupProtocol.CompareWithBasicOverUsers(protocol, runs, 2, 20);

        Assert.Equal(runs.Count - 1, sut.Count);
        Assert.All(sut, t => Assert.Equal(Users, t.Result.Users));
        Assert.All(sut, t => Assert.Equal(t.Run.Means["group-precision@2"] - runs[^1].Means["group-precision@2"], t.Result.MeanDifference, 12));
        Assert.Throws<ArgumentException>(() => GroupProtocol.CompareWithBasicOverUsers(protocol, runs.Take(2).ToList(), 2, 20));
    }

    [Fact]
    public void Run_ExpectedPlays_UsesTheRepeatShareSetting()
    {
        // Repeat share 1: only the members' own plays count, and track 0 (3 plays each) leads: a hit under SPEC S1.
        var protocol = Protocol(GroupRelevance.Any) is var p ? p with { Options = p.Options with { GroupRepeatShare = 1 } } : null!;
        var runs = GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train), new EvaluationSettings { Ks = [1] }, groups: 5);

        Assert.Equal(1.0, runs.Single(r => r.Model == "popularity/expected-plays").Means["group-precision@1"]);
    }
}

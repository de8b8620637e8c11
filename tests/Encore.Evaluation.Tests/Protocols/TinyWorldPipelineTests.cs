using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Splits;
using Encore.Data.Synthetic;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Tests.Protocols;

// The Tiny synthetic world (100 users x 500 tracks x ~5,000 events) through the whole pipeline.
public sealed class TinyWorldPipelineTests
{
    private static readonly Lazy<MusicDataset> World = new(() => SyntheticWorld.Generate(SyntheticWorldOptions.Tiny with { Seed = 5 }).Dataset);

    private static ModelCandidate Candidate(string name, params (string Key, string Value)[] settings)
    {
        var (trainer, parameters) = TrainerFactory.Create(name, settings.ToDictionary(s => s.Key, s => s.Value), seed: 42);
        return new ModelCandidate(name, trainer, parameters);
    }

    [Fact]
    public void Run_Holdout_MatchesTheSplitAndTheEvaluatorDirectly()
    {
        var protocol = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions { Seed = 42 });
        var runs = new EvaluationPipeline(new EvaluationSettings { Dataset = "tiny", DatasetHash = "x" })
            .Run(protocol, [Candidate("popularity"), Candidate("item-knn", ("neighbours", "20"))]);

        // The protocol is exactly UserRandomHoldoutSplit(0.2, 42) over the value-weighted aggregation.
        var matrix = InteractionAggregator.Aggregate(World.Value, new AggregationOptions { UseEventValue = true });
        var split = new UserRandomHoldoutSplit(0.2, 42).Split(matrix);
        Assert.Equal(split.Test.NonZeros, protocol.Target.NonZeros);
        Assert.Equal(split.Train.NonZeros, protocol.Train.Interactions.NonZeros);
        var model = new Encore.Models.Popularity.PopularityTrainer().Fit(protocol.Train);
        var direct = FullRankingEvaluator.Evaluate(model, split.Test, [5, 10, 30], split.Train);

        var popularity = runs[0];
        Assert.Equal(direct.Users.Length, (int)popularity.Means["users"]);
        foreach (var metric in direct.Metrics)
        {
            Assert.Equal(direct.Mean(metric), popularity.Means[metric], 12);
            var interval = popularity.Intervals[metric];
            Assert.InRange(popularity.Means[metric], interval.Low, interval.High);
        }
        Assert.Equal(0.0, popularity.Means["unseen-share"] - 1.0);
        Assert.Equal("holdout-0.2 seed 42, test, full-ranking, relevant = score >= 1, confidence log1p (auto)", popularity.Protocol);
        Assert.True(runs[1].Means["coverage@10"] > popularity.Means["coverage@10"]);
        Assert.Equal("20", runs[1].Parameters["neighbours"]);
        Assert.Contains("diversity-artist@10", popularity.Means.Keys);
        Assert.Contains("diversity-genre@10", popularity.Means.Keys);
    }

    [Fact]
    public void Run_SameSeedTwice_GivesTheSameMeans()
    {
        var options = new ProtocolOptions { Seed = 9 };
        var first = new EvaluationPipeline().Run(ProtocolPreparer.Prepare(World.Value, options), [Candidate("als", ("iterations", "3"))]).Single();
        var second = new EvaluationPipeline().Run(ProtocolPreparer.Prepare(World.Value, options), [Candidate("als", ("iterations", "3"))]).Single();
        Assert.Equal(first.Means["ndcg@10"], second.Means["ndcg@10"]);
        Assert.Equal(first.Intervals["ndcg@10"], second.Intervals["ndcg@10"]);
        Assert.Equal(3, first.Curve.Count(p => p.Series == "seconds"));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Prepare_ValidationTarget_NeverTouchesTestPairs()
    {
        var test = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions());
        var validation = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions { Target = EvaluationTarget.Validation });
        for (var u = 0; u < test.Target.Rows; u++)
            foreach (var item in test.Target.RowIndices(u))
            {
                Assert.True(validation.Train.Interactions.RowIndices(u).BinarySearch(item) < 0);
                Assert.True(validation.Target.RowIndices(u).BinarySearch(item) < 0);
            }
        Assert.Contains("validation carved from train", validation.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupProtocol_EveryStrategyAndTheBasicModel_OneRunEach()
    {
        var protocol = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions());
        var settings = new EvaluationSettings { Dataset = "tiny", DatasetHash = "x" };
        var (_, model) = new EvaluationPipeline(settings).Evaluate(protocol, Candidate("item-knn"));

        var runs = GroupProtocol.Run(protocol, model, settings);

        Assert.Equal(["item-knn/average", "item-knn/least-misery", "item-knn/most-pleasure", "item-knn/borda-count", "item-knn/overlap-first", "item-knn/expected-plays", "basic-group"],
            runs.Select(r => r.Model));
        Assert.All(runs, r => Assert.Equal("group", r.Kind));
        Assert.All(runs, r => Assert.Equal(10, r.Means["groups"] + r.Means["excluded-groups"]));
        Assert.All(runs, r => Assert.InRange(r.Means["min-member-precision@10"], 0, r.Means["group-precision@10"]));
        // Same seed, same groups, same numbers.
        Assert.Equal(runs[0].Means["group-precision@10"], GroupProtocol.Run(protocol, model, settings)[0].Means["group-precision@10"]);
    }

    [Fact]
    public void Compare_TwoRunsOfTheSameProtocol_PairsTheirUsers()
    {
        var protocol = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions());
        var runs = new EvaluationPipeline(new EvaluationSettings()).Run(protocol, [Candidate("popularity"), Candidate("item-knn")]);

        var result = RunComparison.Compare(runs[0], runs[1], "ndcg@10");

        Assert.Equal(runs[0].Users.Length, result.Pairs);
        Assert.Equal(runs[1].Means["ndcg@10"] - runs[0].Means["ndcg@10"], result.MeanDifference, 12);
        Assert.Throws<ArgumentException>(() => RunComparison.Compare(runs[0], runs[1] with { Protocol = "other" }, "ndcg@10"));
        Assert.Throws<ArgumentException>(() => RunComparison.Compare(runs[0], runs[1], "coverage@10"));
    }

    [Fact]
    public void Compare_RunsOnOtherDataUnderOneProtocol_NamesTheDataNotTheProtocol()
    {
        // s16-user: piki against IUM answered "different data or protocols" beside two identical protocol labels.
        var protocol = ProtocolPreparer.Prepare(World.Value, new ProtocolOptions());
        var runs = new EvaluationPipeline(new EvaluationSettings()).Run(protocol, [Candidate("popularity")]);
        var other = runs[0] with { Dataset = "ium23", DatasetHash = "c3dc46da2428827d9873e8e2" };

        var data = Assert.Throws<ArgumentException>(() => RunComparison.Compare(runs[0], other, "ndcg@10"));
        var label = Assert.Throws<ArgumentException>(() => RunComparison.Compare(runs[0], runs[0] with { Protocol = "other" }, "ndcg@10"));

        Assert.Contains($"different data ('{runs[0].Dataset}', content hash ", data.Message, StringComparison.Ordinal);
        Assert.Contains("vs 'ium23', content hash c3dc46da2428827d)", data.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(runs[0].Protocol, data.Message, StringComparison.Ordinal);
        Assert.Contains($"different protocols ('{runs[0].Protocol}' vs 'other')", label.Message, StringComparison.Ordinal);
    }
}

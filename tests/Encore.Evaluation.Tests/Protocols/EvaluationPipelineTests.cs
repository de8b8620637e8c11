using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;

namespace Encore.Evaluation.Tests.Protocols;

// Hand-worked: popularity (users per track) on the timed world of PipelineFixtures.
public sealed class EvaluationPipelineTests
{
    private static readonly ProtocolOptions Temporal = new() { Kind = ProtocolKind.Temporal, TestFraction = 0.2, ValidationFraction = 0.1 };

    [Fact]
    public void Prepare_TemporalOnTest_TrainsOnTrainPlusValidationAndKeepsOnlyNewRelevantPairs()
    {
        var sut = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), Temporal);

        // Train + validation: u0 {t0, t1, t3}, u1 {t0, t2}, u2 {t0: 2 plays, t1, t3}.
        Assert.Equal(8, sut.Train.Interactions.NonZeros);
        Assert.Equal(2f, sut.Train.Interactions.Get(2, 0));
        // Test pairs: u1 t1 (new) and u2 t3 (already in training): one relevant pair, half of test unseen.
        Assert.Equal(1, sut.Target.NonZeros);
        Assert.Equal(1, sut.Target.RowLength(1));
        Assert.Equal(0.5, sut.Statistics["unseen-share"]);
        Assert.Equal(2, sut.Statistics["held-out-pairs"]);
        Assert.Equal("temporal 0.7/0.1/0.2, test (trained on train + validation), relevant = new pairs with score >= 1, full-ranking", sut.Label);
    }

    [Fact]
    public void Run_TemporalOnTest_GivesHandWorkedMetrics()
    {
        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), Temporal);

        var run = new EvaluationPipeline(PipelineFixtures.Settings(1, 5)).Run(protocol, [PipelineFixtures.Popularity()]).Single();

        // Popularity t0 3, t1 2, t3 2, t2 1, t4 0; u1 has t0 and t2, so its list is t1, t3 (ties: smaller index;
        // t4 has no plays and is never presented: docs/cold-start.md).
        var m = run.Means;
        Assert.Equal(1, m["users"]);
        Assert.Equal(1.0, m["precision@1"]);
        Assert.Equal(0.2, m["precision@5"], 12);
        Assert.Equal(1.0, m["ndcg@5"], 12);
        Assert.Equal(0.2, m["coverage@1"], 12);
        Assert.Equal(0.4, m["coverage@5"], 12);
        Assert.Equal(-Math.Log2(2.0 / 3), m["novelty@1"], 12);
        Assert.Equal(2.0, m["popularity@1"]);
        // Head = t0, t1, t3 (7 of 8 interactions >= 80%): both listed items are head items.
        Assert.Equal(0.0, m["long-tail@5"], 12);
        // Artists a0, a1 and genres g0, g1: the one pair differs.
        Assert.Equal(1.0, m["diversity-artist@5"], 12);
        Assert.Equal(1.0, m["diversity-genre@5"], 12);
        Assert.Equal([1], run.Users);
        Assert.Equal([1.0], run.PerUser["hitrate@5"]);
        Assert.Equal("popularity", run.Model);
        Assert.Equal("user-count", run.Parameters["scoring"]);
        Assert.Equal(("none (auto)", "true"), (run.Parameters["data.confidence"], run.Parameters["data.use-values"]));
        Assert.Equal(protocol.Label, run.Protocol);
    }

    [Fact]
    public void Run_ModelThatChoseASettingFromTheData_RecordsItAsAuto()
    {
        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), Temporal);
        var (als, parameters) = TrainerFactory.Create("als", new Dictionary<string, string> { ["factors"] = "2", ["iterations"] = "1" });

        var run = new EvaluationPipeline(PipelineFixtures.Settings(1)).Run(protocol, [new ModelCandidate("als", als, parameters)]).Single();

        // Train: u0 {t0, t1, t3}, u1 {t0, t2}, u2 {t0: 2 plays, t1, t3}: confidence mass (3 + 2 + 4) / 3 = 3 < 20.
        Assert.Equal("3 (auto)", run.Parameters["regularization"]);
    }

    [Fact]
    public void Run_TemporalOnValidation_TrainsOnTrainOnly()
    {
        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), Temporal with { Target = EvaluationTarget.Validation });

        var run = new EvaluationPipeline(PipelineFixtures.Settings(1, 5)).Run(protocol, [PipelineFixtures.Popularity()]).Single();

        // Train: popularity t0 3, t1 2, t2 1, t3 1; u0 (has t0, t1) gets t2, t3, t4 and the relevant t3 is second.
        Assert.Equal(7, protocol.Train.Interactions.NonZeros);
        Assert.Equal(0.0, run.Means["precision@1"]);
        Assert.Equal(1 / Math.Log2(3), run.Means["ndcg@5"], 12);
        Assert.Equal(1.0, run.Means["unseen-share"]);
    }

    [Fact]
    public void Prepare_TemporalWithoutTimes_ExplainsWhichProtocolToUse()
    {
        var b = new Encore.Data.Model.MusicDatasetBuilder("untimed");
        b.Users.GetOrAdd("u");
        b.Tracks.GetOrAdd("t");
        b.Events.Add(0, 0, Encore.Data.Model.EventKind.Play);
        var error = Assert.Throws<ArgumentException>(() => ProtocolPreparer.Prepare(b.Build(), Temporal));
        Assert.Contains("holdout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SampledNegatives_LabelsTheProtocolAndRanksAmongCandidatesOnly()
    {
        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), Temporal with { SampledNegatives = 1 });

        var run = new EvaluationPipeline(PipelineFixtures.Settings(1, 5)).Run(protocol, [PipelineFixtures.Popularity()]).Single();

        Assert.EndsWith("sampled-1-negatives", run.Protocol, StringComparison.Ordinal);
        // u1: candidates = t1 plus one of t3, t4 (both have lower popularity than t1): t1 ranks first.
        Assert.Equal(1.0, run.Means["precision@1"]);
        Assert.Equal([1.0], run.PerUser["precision@1"]);
        Assert.Equal(0.4, run.Means["coverage@5"], 12);
    }

    [Fact]
    public void Parse_ProtocolSpecs_ReadsKindAndFolder()
    {
        Assert.Equal(ProtocolKind.Holdout, ProtocolOptions.Parse("holdout").Kind);
        Assert.Equal(ProtocolKind.Temporal, ProtocolOptions.Parse("Temporal", seed: 3).Kind);
        var given = ProtocolOptions.Parse("given:/data/split");
        Assert.Equal((ProtocolKind.Given, "/data/split"), (given.Kind, given.GivenFolder));
        Assert.Throws<ArgumentException>(() => ProtocolOptions.Parse("leave-one-out"));
        Assert.Throws<ArgumentException>(() => ProtocolOptions.Parse("given:"));
    }
}

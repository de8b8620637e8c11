using Encore.Core.Errors;
using Encore.Evaluation.Protocols;

namespace Encore.Evaluation.Tests.Protocols;

public sealed class GivenProtocolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-given-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_GivenFolder_NumbersTrainThenTestAndRanksEveryItem()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\nu1\ta\t5\nu1\tb\t1\nu2\ta\t2\nu2\tc\t3\n");
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\nu1\tc\t1\nu3\td\t1\n");
        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), ProtocolOptions.Parse($"given:{_dir}"));

        var run = new EvaluationPipeline(PipelineFixtures.Settings(1, 5)).Run(protocol, [PipelineFixtures.Popularity()]).Single();

        // Users u1, u2, u3; items a, b, c, d. Popularity a 2, b 1, c 1, d 0.
        // u1 (has a, b) gets c: c is a hit at rank 1. u3 (cold) gets a, b, c; d has no plays, so it is never
        // presented (docs/cold-start.md: no evidence is no recommendation) and u3's test item d is missed.
        Assert.Equal([0, 2], run.Users);
        Assert.Equal([1.0, 0.0], run.PerUser["precision@1"]);
        Assert.Equal([1.0, 0.0], run.PerUser["ndcg@5"]);
        Assert.Equal(5f, protocol.Train.Interactions.Get(0, 0));
        Assert.Equal(1.0, run.Means["unseen-share"]);
        Assert.StartsWith($"given:{Path.GetFileName(_dir)}, test, full-ranking", run.Protocol, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ValidationTarget_CarvesTrainFileOnceWithTheHoldoutRule()
    {
        // u1 has 10 train items: one carve holds out round(0.2 * 10) = 2 and keeps 8 (a second carve would keep 6).
        // u2..u11 hold one item each (never carved), so every item u1 may hold out is also in training.
        var lines = string.Concat(Enumerable.Range(0, 10).Select(i => $"u1\ti{i}\t1\n"));
        var others = string.Concat(Enumerable.Range(0, 10).Select(i => $"u{i + 2}\ti{i}\t1\n"));
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\n" + lines + others);
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\nu1\tz\t1\n");
        var options = ProtocolOptions.Parse($"given:{_dir}") with { Target = EvaluationTarget.Validation };

        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), options);

        Assert.Equal(8, protocol.Train.Interactions.RowLength(0));
        Assert.Equal(2, protocol.Target.RowLength(0));
        Assert.Equal(1, protocol.Train.Interactions.RowLength(1));
        Assert.Equal(0, protocol.Target.RowLength(1));
        Assert.Equal(20.0, protocol.Statistics["train-pairs"] + protocol.Statistics["target-pairs"]);
    }

    [Fact]
    public void Run_PlayCountsWithoutConfidenceSetting_ChoosesLog1pAndRecordsIt()
    {
        // 40 pairs of 1-3 plays and a tail up to 20,000: heavy-tailed counts.
        var lines = string.Concat(Enumerable.Range(0, 40).Select(i => $"u{i % 8}\ti{i}\t{(i < 36 ? 1 + i % 3 : 5000 * (i - 35))}\n"));
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\n" + lines);
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\nu1\ti0\t1\n");
        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), ProtocolOptions.Parse($"given:{_dir}"));

        var run = new EvaluationPipeline(PipelineFixtures.Settings(5)).Run(protocol, [PipelineFixtures.Popularity()]).Single();

        Assert.Equal("log1p (auto)", run.Parameters["data.confidence"]);
        Assert.EndsWith(", confidence log1p (auto)", run.Protocol, StringComparison.Ordinal);
        Assert.Equal(MathF.Log(1 + 20000f), protocol.Train.Interactions.Values.ToArray().Max(), 3);
        Assert.NotNull(protocol.Confidence);
        Assert.Contains("heavy-tailed", protocol.Confidence!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_ExplicitNone_KeepsRawCounts()
    {
        var lines = string.Concat(Enumerable.Range(0, 40).Select(i => $"u{i % 8}\ti{i}\t{(i < 36 ? 1 + i % 3 : 5000 * (i - 35))}\n"));
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\n" + lines);
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\nu1\ti0\t1\n");
        var options = ProtocolOptions.Parse($"given:{_dir}");
        options = options with { Aggregation = options.Aggregation with { Confidence = Encore.Data.Aggregation.ConfidenceTransform.None } };

        var protocol = ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), options);

        Assert.Equal(20000f, protocol.Train.Interactions.Values.ToArray().Max());
        Assert.False(protocol.Confidence!.Automatic);
    }

    [Fact]
    public void Prepare_BadValueInGivenFile_NamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\nu1\ta\tfive\n");
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\nu1\tc\t1\n");
        var error = Assert.Throws<DataFormatException>(() => ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), ProtocolOptions.Parse($"given:{_dir}")));
        Assert.Contains("train.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains(":2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_MissingTestFile_SaysWhatTheFolderMustHold()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\nu1\ta\t1\n");
        var error = Assert.Throws<FileNotFoundException>(() => ProtocolPreparer.Prepare(PipelineFixtures.TimedWorld(), ProtocolOptions.Parse($"given:{_dir}")));
        Assert.Contains("test.tsv", error.Message, StringComparison.Ordinal);
    }
}

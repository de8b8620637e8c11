using System.IO.Compression;
using Encore.Core.Errors;
using Encore.Evaluation.Bench;
using Encore.Models.Popularity;

namespace Encore.Evaluation.Tests.Bench;

public sealed class PeersSplitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-peers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_PlainTrainGzipTest_KeepsValuesAndMarksUnknownItems()
    {
        WriteSplit();
        var split = PeersSplit.Load(_dir);
        var m = split.Train.Interactions;
        Assert.Equal(3, split.Train.UserCount);
        Assert.Equal(3, split.Train.ItemCount);
        Assert.Equal(6, m.NonZeros);
        Assert.Equal(4f, m.Get(0, 1));
        // u2's test: b (index 1) and the unknown item d (-1); the unknown user u9 is dropped.
        Assert.Equal([2], split.Test[0]);
        Assert.Equal([-1, 1], split.Test[1]);
        Assert.Empty(split.Test[2]);
        Assert.Equal([0, 1], split.TestUsers());
        Assert.Equal(3, split.TestPairs);
    }

    [Fact]
    public void Load_Binary_ReplacesValuesByOne()
    {
        WriteSplit();
        Assert.Equal(1f, PeersSplit.Load(_dir, binary: true).Train.Interactions.Get(0, 1));
    }

    [Fact]
    public void Load_BadValue_NamesFileLineAndField()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\nu1\ta\t1\nu1\tb\tmany\n");
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\n");
        var error = Assert.Throws<DataFormatException>(() => PeersSplit.Load(_dir));
        Assert.Equal(3, error.Line);
        Assert.Equal("value", error.Field);
        Assert.EndsWith("train.tsv", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FolderWithoutSplitFiles_SaysWhatIsMissing()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PeersSplit.Load(_dir));
        Assert.Contains("train.tsv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PopularityOnHandMadeSplit_GivesHandComputedMetrics()
    {
        WriteSplit();
        var split = PeersSplit.Load(_dir, binary: true);
        var model = new PopularityTrainer().Fit(split.Train);
        var q = PeersProtocol.Evaluate(model, split);
        // u1 (seen a, b) gets [c], its test item: P 0.1, R 1, NDCG 1, HR 1.
        // u2 (seen a, c) gets [b]; test {b, d}: P 0.1, R 0.5, NDCG 1 / (1 + 1 / log2 3), HR 1.
        Assert.Equal(2, q.Users);
        Assert.Equal(0.1, q.Precision, 12);
        Assert.Equal(0.75, q.Recall, 12);
        Assert.Equal((1 + 1 / (1 + 1 / Math.Log2(3))) / 2, q.Ndcg, 12);
        Assert.Equal(1.0, q.HitRate, 12);
    }

    // Items: a is seen by all, b by u1 and u3, c by u2 only... popularity a (3) > b (2) > c (1).
    private void WriteSplit()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\nu1\ta\t2\nu1\tb\t4\nu2\ta\t1\nu2\tc\t3\nu3\ta\t5\nu3\tb\t1\n");
        using var file = File.Create(Path.Combine(_dir, "test.tsv.gz"));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        writer.Write("user\titem\tvalue\nu1\tc\t1\nu2\tb\t2\nu2\td\t1\nu9\ta\t1\n");
    }
}

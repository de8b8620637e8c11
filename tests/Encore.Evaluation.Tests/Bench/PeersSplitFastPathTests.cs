using System.IO.Compression;
using System.Text;
using Encore.Core.Errors;
using Encore.Evaluation.Bench;

namespace Encore.Evaluation.Tests.Bench;

/// <summary>The parallel path for numeric ids against the line-by-line reader it must agree with.</summary>
public sealed class PeersSplitFastPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-peers-fast-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Splits => new()
    {
        // Duplicated pair (summed), unknown test user (dropped) and item (-1), ids in no particular order.
        { "user\titem\tvalue\n10\t5\t2\n3\t5\t1\n10\t7\t4\n10\t5\t1\n2147483647\t0\t9\n", "user\titem\tvalue\n3\t7\t1\n10\t99\t1\n44\t5\t1\n2147483647\t5\t2\n" },
        // CRLF, empty lines, no final line end, a BOM.
        { "\uFEFFuser\titem\tvalue\r\n1\t2\t3\r\n\r\n2\t1\t0.5\r\n1\t1\t1e2", "user\titem\tvalue\r\n2\t2\t1" },
        // The test file has non-numeric ids: only it is read line by line.
        { "user\titem\tvalue\n1\t2\t3\n2\t1\t1\n", "user\titem\tvalue\n1\tb\t1\nx\t1\t1\n2\t2\t1\n" },
        // A leading zero: "01" and "1" are two users, so the whole split is read line by line.
        { "user\titem\tvalue\n1\t2\t3\n01\t2\t1\n", "user\titem\tvalue\n01\t2\t1\n" },
        // Ids above int.MaxValue.
        { "user\titem\tvalue\n99999999999999999999\t2\t3\n1\t2\t1\n", "user\titem\tvalue\n99999999999999999999\t2\t1\n" },
        // Header only.
        { "user\titem\tvalue\n", "user\titem\tvalue\n" },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Load_FastAndLineByLine_GiveTheSameSplit(string train, string test)
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), train);
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), test);
        foreach (var binary in new[] { false, true })
        {
            var fast = PeersSplit.Load(_dir, binary, fast: true, CancellationToken.None);
            var reference = PeersSplit.Load(_dir, binary, fast: false, CancellationToken.None);
            AssertSame(reference, fast);
        }
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void LoadTrain_WithoutATestFile_GivesTheTrainingPartOfLoad(string train, string test)
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), train);
        var trainOnly = PeersSplit.LoadTrain(_dir, binary: true);
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), test);
        var whole = PeersSplit.Load(_dir, binary: true).Train;

        Assert.Equal(whole.Users.Ids, trainOnly.Users.Ids);
        Assert.Equal(whole.Items.Ids, trainOnly.Items.Ids);
        Assert.Equal(whole.Interactions.ColumnIndices.ToArray(), trainOnly.Interactions.ColumnIndices.ToArray());
        Assert.Equal(whole.Interactions.Values.ToArray(), trainOnly.Interactions.Values.ToArray());
    }

    [Fact]
    public void Load_LargeGzipSplit_FastAndLineByLineAgree()
    {
        var random = new Random(3);
        var train = new StringBuilder("user\titem\tvalue\n");
        var test = new StringBuilder("user\titem\tvalue\n");
        for (var p = 0; p < 150_000; p++) train.Append(random.Next(5_000)).Append('\t').Append(random.Next(300_000)).Append('\t').Append(random.Next(1, 50)).Append('\n');
        for (var p = 0; p < 20_000; p++) test.Append(random.Next(6_000)).Append('\t').Append(random.Next(300_000)).Append("\t1\n");
        WriteGzip(Path.Combine(_dir, "train.tsv.gz"), train.ToString());
        WriteGzip(Path.Combine(_dir, "test.tsv.gz"), test.ToString());

        AssertSame(PeersSplit.Load(_dir, false, fast: false, CancellationToken.None), PeersSplit.Load(_dir));
    }

    [Theory]
    [InlineData("user\titem\tvalue\n1\t2\t3\n1\t3\tmany\n", 3, "value")]
    [InlineData("user\titem\tvalue\n1\t2\t3\r\n\r\n1\t3\n", 4, "line")]
    public void Load_BadLineInANumericFile_NamesFileLineAndField(string train, int line, string field)
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), train);
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\n");

        var error = Assert.Throws<DataFormatException>(() => PeersSplit.Load(_dir));

        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.EndsWith("train.tsv", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadLineDeepInAGzipFile_NamesItsLine()
    {
        // Many inflate blocks before the bad line: the overlapped gzip reader gives up and the line reader names it.
        var train = new StringBuilder("user\titem\tvalue\n");
        for (var p = 0; p < 60_000; p++) train.Append(p % 700).Append('\t').Append(p % 9_000).Append(p % 2 == 0 ? "\t1\r\n" : "\t2\n");
        train.Append("5\t6\n").Append(string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\t1\t1\n")));
        WriteGzip(Path.Combine(_dir, "train.tsv.gz"), train.ToString());
        File.WriteAllText(Path.Combine(_dir, "test.tsv"), "user\titem\tvalue\n");

        var error = Assert.Throws<DataFormatException>(() => PeersSplit.Load(_dir));

        Assert.Equal(60_002, error.Line);
        Assert.Equal("line", error.Field);
        Assert.EndsWith("train.tsv.gz", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedGzipTest_IsRefusedAsByTheLineReader()
    {
        File.WriteAllText(Path.Combine(_dir, "train.tsv"), "user\titem\tvalue\n1\t2\t3\n");
        WriteGzip(Path.Combine(_dir, "whole.gz"), "user\titem\tvalue\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"1\t{i}\t1\n")));
        var bytes = File.ReadAllBytes(Path.Combine(_dir, "whole.gz"));
        File.WriteAllBytes(Path.Combine(_dir, "test.tsv.gz"), bytes.AsSpan(0, bytes.Length - 9).ToArray());

        var error = Assert.Throws<DataFormatException>(() => PeersSplit.Load(_dir));
        Assert.EndsWith("test.tsv.gz", error.File, StringComparison.Ordinal);
    }

    private static void AssertSame(PeersSplit expected, PeersSplit actual)
    {
        Assert.Equal(expected.Train.Users.Ids, actual.Train.Users.Ids);
        Assert.Equal(expected.Train.Items.Ids, actual.Train.Items.Ids);
        var e = expected.Train.Interactions;
        var a = actual.Train.Interactions;
        Assert.Equal((e.Rows, e.Columns), (a.Rows, a.Columns));
        Assert.Equal(e.Offsets.ToArray(), a.Offsets.ToArray());
        Assert.Equal(e.ColumnIndices.ToArray(), a.ColumnIndices.ToArray());
        Assert.Equal(e.Values.ToArray(), a.Values.ToArray());
        Assert.Equal(expected.TestPairs, actual.TestPairs);
        Assert.Equal(expected.Test.Count, actual.Test.Count);
        for (var u = 0; u < expected.Test.Count; u++) Assert.Equal(expected.Test[u], actual.Test[u]);
    }

    private static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}

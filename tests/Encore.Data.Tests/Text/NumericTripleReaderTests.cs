using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using Encore.Data.Text;

namespace Encore.Data.Tests.Text;

public sealed class NumericTripleReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-triples-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("user\titem\tvalue\n1\t20\t3\n7\t0\t1.5\n")]
    [InlineData("user\titem\tvalue\r\n1\t20\t3\r\n7\t0\t1.5\r\n")]
    [InlineData("user\titem\tvalue\n1\t20\t3\n\n7\t0\t1.5")]
    [InlineData("\uFEFFuser\titem\tvalue\n\r\n1\t20\t3\r\n7\t0\t15e-1\n\n")]
    public void TryParse_LineEndsEmptyLinesAndBom_ReadLikeTheLineReader(string text)
    {
        var sut = NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text));

        Assert.NotNull(sut);
        Assert.Equal(2, sut.Count);
        Assert.Equal([1, 7], sut.First.AsSpan(0, 2).ToArray());
        Assert.Equal([20, 0], sut.Second.AsSpan(0, 2).ToArray());
        Assert.Equal([3f, 1.5f], sut.Values.AsSpan(0, 2).ToArray());
    }

    [Fact]
    public void TryParse_HeaderOnly_IsEmpty_AndNoBytesAtAll_IsNotOurs()
    {
        Assert.Equal(0, NumericTripleReader.TryParse("user\titem\tvalue"u8.ToArray())!.Count);
        Assert.Equal(0, NumericTripleReader.TryParse("user\titem\tvalue\n"u8.ToArray())!.Count);
        Assert.Null(NumericTripleReader.TryParse(ReadOnlyMemory<byte>.Empty));
    }

    [Theory]
    [InlineData("007\t1\t1")] // "007" is a different id from "7"
    [InlineData("+7\t1\t1")]
    [InlineData("-7\t1\t1")]
    [InlineData("u7\t1\t1")]
    [InlineData("7 \t1\t1")]
    [InlineData("2147483648\t1\t1")] // above int.MaxValue
    [InlineData("12345678901\t1\t1")]
    [InlineData("7\t1")]
    [InlineData("7\t1\t")]
    [InlineData("7\t1\t1\t1")]
    [InlineData("7\t1\tmany")]
    [InlineData("7\t1\tNaN")]
    [InlineData("7\t1\t1e39")] // not finite as a float
    [InlineData("7\t\t1")]
    [InlineData("\t1\t1")]
    public void TryParse_LineOutsideTheFastForm_IsNotOurs(string badLine)
    {
        var text = "user\titem\tvalue\n1\t2\t3\n" + badLine + "\n4\t5\t6\n";
        Assert.Null(NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void TryParse_LargestIdsAndValueForms_MatchUtf8Parser()
    {
        string[] values = ["0", "1", "9999999", "12345678", "0.1", "-2.5", "1e3", "3.4028235E+38", "007", "+4"];
        var text = new StringBuilder("user\titem\tvalue\n");
        foreach (var v in values) text.Append("2147483647\t0\t").Append(v).Append('\n');

        var sut = NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text.ToString()))!;

        Assert.Equal(values.Length, sut.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(Utf8Parser.TryParse(Encoding.ASCII.GetBytes(values[i]), out float expected, out _));
            Assert.Equal(expected, sut.Values[i]);
            Assert.Equal(int.MaxValue, sut.First[i]);
            Assert.Equal(0, sut.Second[i]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void TryParse_ManyChunks_GivesTheLinesInFileOrder(int workers)
    {
        // ~2.4 MB so the text is cut into several chunks; empty lines and CRLF make chunks shorter than their bound.
        var random = new Random(11);
        var text = new StringBuilder("u\ti\tv\n");
        var expected = new List<(int, int, float)>();
        for (var line = 0; line < 200_000; line++)
        {
            var (u, i, v) = (random.Next(100_000), random.Next(1_000_000), random.Next(1, 500));
            expected.Add((u, i, v));
            text.Append(u).Append('\t').Append(i).Append('\t').Append(v).Append(line % 3 == 0 ? "\r\n" : "\n");
            if (line % 1000 == 0) text.Append('\n');
        }

        var sut = NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text.ToString()), workers)!;

        Assert.Equal(expected.Count, sut.Count);
        for (var p = 0; p < expected.Count; p++) Assert.Equal(expected[p], (sut.First[p], sut.Second[p], sut.Values[p]));
    }

    [Fact]
    public void TryParse_BadLineInALaterChunk_IsNotOurs()
    {
        var text = new StringBuilder("u\ti\tv\n");
        for (var line = 0; line < 100_000; line++) text.Append(line).Append("\t1\t1\n");
        text.Append("12\tx\t1\n");
        Assert.Null(NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text.ToString()), 4));
    }

    [Fact]
    public void TryParse_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => NumericTripleReader.TryParse("u\ti\tv\n1\t2\t3\n"u8.ToArray(), 1, cts.Token));
    }

    [Fact]
    public void TryRead_PlainAndGzipFiles_GiveTheSameTriples()
    {
        const string text = "user\titem\tvalue\n3\t4\t5\n6\t7\t8";
        var plain = Path.Combine(_dir, "a.tsv");
        File.WriteAllText(plain, text);
        var gz = Path.Combine(_dir, "a.tsv.gz");
        WriteGzip(gz, text);

        foreach (var path in new[] { plain, gz })
        {
            var sut = NumericTripleReader.TryRead(path)!;
            Assert.Equal(2, sut.Count);
            Assert.Equal([3, 6], sut.First.AsSpan(0, 2).ToArray());
            Assert.Equal([8f], sut.Values.AsSpan(1, 1).ToArray());
        }
    }

    [Fact]
    public void TryRead_TruncatedOrMultiMemberGzipOrMissingFile_IsNotOurs()
    {
        var whole = Path.Combine(_dir, "whole.tsv.gz");
        WriteGzip(whole, "user\titem\tvalue\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i}\t1\t1\n")));
        var bytes = File.ReadAllBytes(whole);
        var truncated = Path.Combine(_dir, "truncated.tsv.gz");
        File.WriteAllBytes(truncated, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var twoMembers = Path.Combine(_dir, "two.tsv.gz");
        File.WriteAllBytes(twoMembers, [.. bytes, .. bytes]);

        Assert.NotNull(NumericTripleReader.TryRead(whole));
        Assert.Null(NumericTripleReader.TryRead(truncated));
        Assert.Null(NumericTripleReader.TryRead(twoMembers));
        Assert.Null(NumericTripleReader.TryRead(Path.Combine(_dir, "missing.tsv")));
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 into a one-member gzip file (also used by <see cref="GzipTriplePipelineTests"/>).</summary>
    internal static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}

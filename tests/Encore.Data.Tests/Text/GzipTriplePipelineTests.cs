using System.Text;
using Encore.Data.Text;

namespace Encore.Data.Tests.Text;

/// <summary>The overlapped inflate + parse of a gzip file against the sequential reference: inflate everything, then
/// <see cref="NumericTripleReader.TryParse"/> with one worker. Tiny blocks cut lines (and CRLF pairs) at every place.</summary>
public sealed class GzipTriplePipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-gzip-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Texts => new()
    {
        "user\titem\tvalue\n1\t20\t3\n7\t0\t1.5\n",
        "user\titem\tvalue\r\n1\t20\t3\r\n7\t0\t1.5\r\n", // CRLF: a block edge can fall between CR and LF
        "user\titem\tvalue\n1\t20\t3\n\n7\t0\t1.5", // no final line end
        "\uFEFFuser\titem\tvalue\n\r\n1\t20\t3\r\n7\t0\t15e-1\n\n\n", // BOM, empty lines
        "user\titem\tvalue\n", // header only
        "user\titem\tvalue", // header without a line end
        "\n\n1\t2\t3\n", // empty header line
        "user\titem\tvalue\n1\t2\t3\n007\t1\t1\n4\t5\t6\n", // a line outside the fast form: not ours
        "user\titem\tvalue\n1\t2\t3\n4\t5\t6\n7\t8\tx", // the bad line is the unterminated last one
        "user\titem\tvalue\n2147483647\t12345678\t-2.5e3\n0\t0\t0\n",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryRead_EveryBlockSize_MatchesInflateThenParse(string text)
    {
        var path = WriteGzip(text);
        var reference = NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text), 1);

        foreach (var block in new[] { 1, 2, 3, 5, 8, 13, 4096 })
        {
            using var source = WholeFile.TryOpenGzip(path)!;
            var sut = GzipTriplePipeline.TryRead(source, NumericTripleReader.MaxHeaderBytes, CancellationToken.None, block);
            AssertSame(reference, sut);
        }
    }

    [Fact]
    public void TryRead_EmptyContent_IsNotOurs()
    {
        // A gzip member holding zero bytes of text (header, empty deflate block, trailer): no header line, as the
        // sequential reader says.
        var path = Path.Combine(_dir, "empty.tsv.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        using var source = WholeFile.TryOpenGzip(path)!;

        Assert.Equal(0, source.Declared);
        Assert.Null(GzipTriplePipeline.TryRead(source, NumericTripleReader.MaxHeaderBytes, CancellationToken.None, 3));
        Assert.Null(NumericTripleReader.TryParse(ReadOnlyMemory<byte>.Empty, 1));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(65_536)]
    public void TryRead_ManyLines_GivesTheLinesInFileOrder(int block)
    {
        // ~1.2 MB: the output grows past its first estimate (short lines come after long ones), lines cross block edges.
        var random = new Random(5);
        var text = new StringBuilder("u\ti\tv\n");
        for (var line = 0; line < 100_000; line++)
        {
            var (u, i) = line < 20_000 ? (random.Next(100_000_000, int.MaxValue), random.Next(100_000_000, int.MaxValue)) : (random.Next(10), random.Next(10));
            text.Append(u).Append('\t').Append(i).Append('\t').Append(random.Next(1, 500)).Append(line % 3 == 0 ? "\r\n" : "\n");
            if (line % 1000 == 0) text.Append('\n');
        }
        var path = WriteGzip(text.ToString());
        using var source = WholeFile.TryOpenGzip(path)!;

        var sut = GzipTriplePipeline.TryRead(source, NumericTripleReader.MaxHeaderBytes, CancellationToken.None, block);

        var reference = NumericTripleReader.TryParse(Encoding.UTF8.GetBytes(text.ToString()), 1);
        Assert.Equal(100_000, reference!.Count);
        AssertSame(reference, sut);
    }

    [Fact]
    public void TryRead_HeaderLongerThanTheLimit_IsNotOurs()
    {
        var path = WriteGzip(new string('h', 300) + "\n1\t2\t3\n");
        using var source = WholeFile.TryOpenGzip(path)!;

        Assert.Null(GzipTriplePipeline.TryRead(source, maxHeaderBytes: 100, CancellationToken.None, 16));
    }

    [Fact]
    public void TryRead_TruncatedOrTwoMembers_IsNotOurs()
    {
        var whole = WriteGzip("user\titem\tvalue\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i}\t1\t1\n")));
        var bytes = File.ReadAllBytes(whole);
        var truncated = Path.Combine(_dir, "truncated.tsv.gz");
        File.WriteAllBytes(truncated, bytes.AsSpan(0, bytes.Length - 9).ToArray());
        var twoMembers = Path.Combine(_dir, "two.tsv.gz");
        File.WriteAllBytes(twoMembers, [.. bytes, .. bytes]);

        foreach (var path in new[] { truncated, twoMembers })
        {
            // The truncated file's trailer is cut off too: its "declared length" is then garbage, refused or not met.
            using var source = WholeFile.TryOpenGzip(path);
            if (source is not null) Assert.Null(GzipTriplePipeline.TryRead(source, NumericTripleReader.MaxHeaderBytes, CancellationToken.None, 4096));
            Assert.Null(NumericTripleReader.TryRead(path, 2));
        }
        Assert.Equal(20_000, NumericTripleReader.TryRead(whole, 2)!.Count);
    }

    [Fact]
    public void TryRead_Cancelled_Throws()
    {
        var path = WriteGzip("user\titem\tvalue\n1\t2\t3\n");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var source = WholeFile.TryOpenGzip(path)!;

        Assert.ThrowsAny<OperationCanceledException>(() => GzipTriplePipeline.TryRead(source, NumericTripleReader.MaxHeaderBytes, cts.Token));
    }

    [Fact]
    public void TryOpenGzip_PlainFile_IsNull()
    {
        var plain = Path.Combine(_dir, "plain.tsv");
        File.WriteAllText(plain, "user\titem\tvalue\n1\t2\t3\n4\t5\t6\n7\t8\t9\n");

        Assert.Null(WholeFile.TryOpenGzip(plain));
        Assert.Null(WholeFile.TryOpenGzip(Path.Combine(_dir, "missing.tsv.gz")));
    }

    private static void AssertSame(NumericTriples? expected, NumericTriples? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.First.AsSpan(0, expected.Count).ToArray(), actual.First.AsSpan(0, actual.Count).ToArray());
        Assert.Equal(expected.Second.AsSpan(0, expected.Count).ToArray(), actual.Second.AsSpan(0, actual.Count).ToArray());
        Assert.Equal(expected.Values.AsSpan(0, expected.Count).ToArray(), actual.Values.AsSpan(0, actual.Count).ToArray());
    }

    private string WriteGzip(string text)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.tsv.gz");
        NumericTripleReaderTests.WriteGzip(path, text);
        return path;
    }
}

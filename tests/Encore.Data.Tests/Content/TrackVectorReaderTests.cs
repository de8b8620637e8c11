using System.Text;
using Encore.Core.Errors;
using Encore.Data.Content;
using Encore.Data.Synthetic;
using Parquet;
using Parquet.Schema;

namespace Encore.Data.Tests.Content;

public sealed class TrackVectorReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("encore-vectors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Read_CsvWithHeader_ReadsIdsAndRows()
    {
        var path = WriteText("v.csv", "track,a,b,c\nt1,1,2,3\n\nt2,0.5,-1,1e-2\n");
        var sut = TrackVectorReader.Read(path);
        Assert.Equal(["t1", "t2"], sut.Ids);
        Assert.Equal(3, sut.Dimension);
        Assert.Equal([0.5f, -1f, 0.01f], sut.Row(1).ToArray());
    }

    [Fact]
    public void Read_CsvRaggedRow_NamesFileAndLine()
    {
        var path = WriteText("bad.csv", "t1,1,2,3\nt2,1,2\n");
        var error = Assert.Throws<DataFormatException>(() => TrackVectorReader.Read(path));
        Assert.Equal(2, error.Line);
        Assert.Contains("expected 3 numbers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CsvNotANumber_NamesTheColumn()
    {
        var path = WriteText("bad2.csv", "t1,1,2\nt2,1,x\n");
        var error = Assert.Throws<DataFormatException>(() => TrackVectorReader.Read(path));
        Assert.Equal("column 3", error.Field);
    }

    [Fact]
    public void Read_TsvWithNamedIdColumn_UsesThatColumn()
    {
        var path = WriteText("v.tsv", "x\ty\tid\n1\t2\tt9\n");
        var sut = TrackVectorReader.Read(path, idColumn: "id");
        Assert.Equal(["t9"], sut.Ids);
        Assert.Equal([1f, 2f], sut.Row(0).ToArray());
    }

    [Fact]
    public void Read_NpyFloat32WithIdList_ReadsRows()
    {
        var path = Path.Combine(_folder, "v.npy");
        WriteNpy(path, "<f4", 2, 3, [1, 2, 3, 4, 5, 6]);
        var ids = WriteText("ids.txt", "a\nb\n");
        var sut = TrackVectorReader.Read(path, ids);
        Assert.Equal(["a", "b"], sut.Ids);
        Assert.Equal([4f, 5f, 6f], sut.Row(1).ToArray());
    }

    [Fact]
    public void Read_NpyIdCountMismatch_SaysHowManyWereExpected()
    {
        var path = Path.Combine(_folder, "v.npy");
        WriteNpy(path, "<f4", 2, 3, [1, 2, 3, 4, 5, 6]);
        var ids = WriteText("ids.txt", "a\n");
        var error = Assert.Throws<DataFormatException>(() => TrackVectorReader.Read(path, ids));
        Assert.Contains("expected 2 ids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NpyWithoutIdList_IsAnArgumentError()
    {
        var path = Path.Combine(_folder, "v.npy");
        WriteNpy(path, "<f4", 1, 1, [1]);
        Assert.Throws<ArgumentException>(() => TrackVectorReader.Read(path));
    }

    [Fact]
    public async Task Read_ParquetWide_ReadsIdAndNumericColumns()
    {
        var path = Path.Combine(_folder, "v.parquet");
        var id = new DataField<string>("track_id");
        var a = new DataField<float>("a");
        var b = new DataField<double>("b");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, a, b), stream))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(id, new ArraySegment<string>(["x", "y"]));
            await group.WriteAsync<float>(a, new float[] { 1f, 2f }.AsMemory());
            await group.WriteAsync<double>(b, new double[] { 3.0, 4.0 }.AsMemory());
            group.CompleteValidate();
        }
        var sut = TrackVectorReader.Read(path);
        Assert.Equal(["x", "y"], sut.Ids);
        Assert.Equal(2, sut.Dimension);
        Assert.Equal([2f, 4f], sut.Row(1).ToArray());
    }

    [Fact]
    public void Attach_MatchesIdsAndCountsTheRest()
    {
        var world = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);
        var tracks = world.Dataset.Tracks;
        var file = new TrackVectorFile([tracks[0], "no-such-track", tracks[2], tracks[0]], 2, [1, 1, 9, 9, 2, 2, 3, 3]);
        var (dataset, report) = EmbeddingAttacher.Attach(world.Dataset, file);
        Assert.Equal(2, report.Matched);
        Assert.Equal(1, report.UnknownIds);
        Assert.Equal(1, report.DuplicateIds);
        Assert.Equal(2, dataset.TrackInfo.EmbeddingDimension);
        Assert.Equal([3f, 3f], dataset.TrackInfo.EmbeddingOf(0).ToArray());
        Assert.True(float.IsNaN(dataset.TrackInfo.EmbeddingOf(1)[0]));
        Assert.Same(world.Dataset.Events, dataset.Events);
    }

    [Fact]
    public void TrackVectors_SyntheticWorld_AutoTakesEmbeddingAndBothAppendsAudio()
    {
        var world = SyntheticWorld.Generate(SyntheticWorldOptions.Tiny);
        var embeddingWidth = world.Dataset.TrackInfo.EmbeddingDimension;
        Assert.True(embeddingWidth > 0);
        var (_, auto, _) = TrackVectors.For(world.Dataset, world.Dataset.Tracks);
        Assert.Equal(embeddingWidth, auto);
        var (values, audio, names) = TrackVectors.For(world.Dataset, world.Dataset.Tracks, TrackVectorSource.Audio);
        Assert.Equal(10, audio);
        Assert.Equal("danceability", names[0]);
        Assert.Equal(world.Dataset.Tracks.Count * 10, values.Length);
        Assert.Contains(values, v => !float.IsNaN(v));
        var (_, both, bothNames) = TrackVectors.For(world.Dataset, world.Dataset.Tracks, TrackVectorSource.Both);
        Assert.Equal(embeddingWidth + 10, both);
        Assert.Equal("tempo", bothNames[^1]);
    }

    private static void WriteNpy(string path, string descr, int rows, int columns, float[] values)
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.Latin1.GetBytes(header));
        foreach (var v in values) stream.Write(BitConverter.GetBytes(v));
    }
}

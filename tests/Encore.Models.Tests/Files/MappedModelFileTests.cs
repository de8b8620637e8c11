using Encore.Core.Errors;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Factorization;
using Encore.Models.Files;
using Encore.Models.Tests.Contract;
using Encore.Models.Tests.Faults;
using Encore.Models.Training;

namespace Encore.Models.Tests.Files;

/// <summary>
/// Issue 14 item 3 / issue 11 item 2: model files served from a read-only memory mapping. A mapped model answers
/// exactly as one read whole (ids, scores and re-saved bytes), older (v1) files still load, damaged files are still
/// refused, the file can be replaced while mapped, and disposal unmaps it.
/// </summary>
public sealed class MappedModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-mapped-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(FaultWorlds.AllModels), MemberType = typeof(FaultWorlds))]
    public void Load_MappedAndRead_GiveIdenticalModels(string model)
    {
        var trained = FaultWorlds.Train(model, FaultWorlds.DislikedFor(model));
        var path = Path.Combine(_dir, model + ".bin");
        ModelFile.Save(trained, path);

        var read = ModelLoader.Load(path, ModelFileAccess.Read);
        var mapped = ModelLoader.Load(path, ModelFileAccess.Map);

        Assert.Equal(Bytes(read), Bytes(mapped));
        AssertSameRecommendations(read, mapped);
        (mapped as IDisposable)?.Dispose();
    }

    [Fact]
    public void Load_DenseEase_ServesWeightsFromTheMapping()
    {
        var path = Save("ease", new Dictionary<string, string> { ["lambda"] = "1" });

        using var mapped = Assert.IsType<EaseModel>(ModelLoader.Load(path));
        using var read = Assert.IsType<EaseModel>(ModelLoader.Load(path, ModelFileAccess.Read));

        Assert.True(mapped.IsMapped);
        Assert.False(read.IsMapped);
        Assert.Contains(path, MappedPaths());
        for (var item = 0; item < read.Items.Count; item++) Assert.Equal(read.WeightsOf(item), mapped.WeightsOf(item));
        AssertSameRecommendations(read, mapped);
    }

    [Fact]
    public void Load_SparseEase_HoldsNoMapping()
    {
        var path = Save("ease", new Dictionary<string, string> { ["lambda"] = "1", ["neighbours"] = "2" });

        using var mapped = Assert.IsType<EaseModel>(ModelLoader.Load(path));

        Assert.True(mapped.IsSparse);
        Assert.False(mapped.IsMapped);
        Assert.DoesNotContain(path, MappedPaths());
    }

    [Theory]
    [InlineData("als")]
    [InlineData("bpr")]
    [InlineData("lmf")]
    [InlineData("warp")]
    public void Load_FactorModel_ServesFactorsFromTheMappingBitForBit(string model)
    {
        var path = Save(model, new Dictionary<string, string> { ["factors"] = "4", ["iterations"] = "5", ["threads"] = "1" });

        using var mapped = Assert.IsAssignableFrom<FactorModel>(ModelLoader.Load(path));
        using var read = Assert.IsAssignableFrom<FactorModel>(ModelLoader.Load(path, ModelFileAccess.Read));

        Assert.True(mapped.IsMapped);
        Assert.Equal(read.UserFactors.ToArray(), mapped.UserFactors.ToArray());
        Assert.Equal(read.ItemFactors.ToArray(), mapped.ItemFactors.ToArray());
        AssertSameRecommendations(read, mapped);
        var (readItems, readScores) = read.SimilarItems(0, 3);
        var (mappedItems, mappedScores) = mapped.SimilarItems(0, 3);
        Assert.Equal(readItems, mappedItems);
        Assert.Equal(readScores, mappedScores);
        var (readUsers, readUserScores) = read.SimilarUsers(0, 3);
        var (mappedUsers, mappedUserScores) = mapped.SimilarUsers(0, 3);
        Assert.Equal(readUsers, mappedUsers);
        Assert.Equal(readUserScores, mappedUserScores);
        Assert.Equal(read.FoldIn([0, 1], [1f, 2f]), mapped.FoldIn([0, 1], [1f, 2f]));
    }

    [Theory]
    [InlineData("ease")]
    [InlineData("als")]
    [InlineData("item-knn")]
    [InlineData("funnel")]
    public void Load_FormatV1File_StillLoadsInBothModes(string model)
    {
        var trained = FaultWorlds.Train(model, FaultWorlds.DislikedFor(model));
        var path = Path.Combine(_dir, model + "-v1.bin");
        using (var file = File.Create(path)) ModelFile.Write(trained, file, formatVersion: 1);

        var mapped = ModelLoader.Load(path);
        var read = ModelLoader.Load(path, ModelFileAccess.Read);

        AssertSameRecommendations(trained, mapped);
        AssertSameRecommendations(trained, read);
        Assert.Equal(Bytes(trained), Bytes(mapped));
        (mapped as IDisposable)?.Dispose();
    }

    [Fact]
    public void Save_FormatV2_AlignsEveryArrayOfAFactorModel()
    {
        var path = Save("als", new Dictionary<string, string> { ["factors"] = "4", ["iterations"] = "2", ["threads"] = "1" });
        var (_, reader, mapping) = ModelFile.OpenMapped(path);
        using (mapping)
        {
            _ = reader.ReadIdMap();
            _ = reader.ReadIdMap();
            _ = reader.ReadCsr();
            _ = reader.ReadInt();
            var users = reader.ReadModelArray<float>();
            var items = reader.ReadModelArray<float>();

            Assert.True(users.IsMapped && items.IsMapped);
            Assert.Equal(2, reader.MappedArrays);
        }
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("append")]
    public void Load_DamagedDenseEase_IsRefusedBeforeMapping(string damage)
    {
        var path = Save("ease", new Dictionary<string, string> { ["lambda"] = "1" });
        var bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "flip" => Flip(bytes, bytes.Length - 40),
            "truncate" => bytes[..(bytes.Length - 7)],
            _ => [.. bytes, 0],
        };
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelFormatException>(() => ModelLoader.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(damage == "flip" ? "checksum" : damage == "truncate" ? "truncated" : "trailing", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(path, MappedPaths());
    }

    [Fact]
    public void Verify_CorruptFile_IsRefusedWithTheSameMessageAsLoad()
    {
        var path = Save("ease", new Dictionary<string, string> { ["lambda"] = "1" });
        Assert.Equal("ease", ModelFile.Verify(path));
        File.WriteAllBytes(path, Flip(File.ReadAllBytes(path), 100));

        var verify = Assert.Throws<ModelFormatException>(() => ModelFile.Verify(path));
        var load = Assert.Throws<ModelFormatException>(() => ModelLoader.Load(path, ModelFileAccess.Read));

        Assert.Equal(load.Message, verify.Message);
    }

    [LinuxFact]
    public void Save_OverAMappedFile_ReplacesThePathWithoutDisturbingTheServedModel()
    {
        var path = Save("ease", new Dictionary<string, string> { ["lambda"] = "1" });
        using var served = Assert.IsType<EaseModel>(ModelLoader.Load(path));
        var before = Recommendations(served);
        var replacement = TrainerCatalog.Create("ease", new Dictionary<string, string> { ["lambda"] = "50" }).Fit(PlantedBlocks.Create());

        ModelFile.Save(replacement, path); // what the service's retraining and `encore train -o` do: temporary file, rename
        using var loaded = Assert.IsType<EaseModel>(ModelLoader.Load(path));

        Assert.Equal(50, loaded.Lambda);
        Assert.Equal(1, served.Lambda);
        Assert.Equal(before, Recommendations(served));
        Assert.NotEqual(before, Recommendations(loaded));
    }

    [LinuxFact]
    public void Dispose_UnmapsTheFileAndLaterCallsFailClearly()
    {
        var path = Save("als", new Dictionary<string, string> { ["factors"] = "4", ["iterations"] = "2", ["threads"] = "1" });
        var sut = Assert.IsType<Encore.Models.Factorization.Als.AlsModel>(ModelLoader.Load(path));
        Assert.Contains(path, MappedPaths());

        sut.Dispose();

        Assert.DoesNotContain(path, MappedPaths());
        Assert.Throws<ObjectDisposedException>(() => { sut.Score(0, new[] { 0 }, new float[1]); });
        sut.Dispose(); // idempotent
    }

    [LinuxFact]
    public void Dispose_WhileALeaseIsHeld_DefersTheUnmapping()
    {
        var path = Save("ease", new Dictionary<string, string> { ["lambda"] = "1" });
        var (_, _, mapping) = ModelFile.OpenMapped(path);
        var lease = mapping.Lease();

        mapping.Dispose();

        Assert.True(mapping.IsDisposed);
        Assert.Contains(path, MappedPaths());
        lease.Dispose();
        Assert.DoesNotContain(path, MappedPaths());
        Assert.Throws<ObjectDisposedException>(() => mapping.Lease());
    }

    private string Save(string model, Dictionary<string, string> settings)
    {
        var path = Path.Combine(_dir, $"{model}-{Guid.NewGuid():N}.bin");
        ModelFile.Save(TrainerCatalog.Create(model, settings).Fit(PlantedBlocks.Create()), path);
        return path;
    }

    private static void AssertSameRecommendations(IRecommender expected, IRecommender actual) =>
        Assert.Equal(Recommendations(expected), Recommendations(actual));

    // Every user's ranked list (id, score) followed by the user's raw score of every item.
    private static List<(int, float)> Recommendations(IRecommender model)
    {
        var users = Enumerable.Range(0, model.Users.Count).ToArray();
        var items = Enumerable.Range(0, model.Items.Count).ToArray();
        var batch = model.Recommend(users, model.Items.Count);
        var all = new List<(int, float)>();
        var scores = new float[items.Length];
        for (var u = 0; u < users.Length; u++)
        {
            for (var i = 0; i < batch.Counts[u]; i++) all.Add((batch.ItemsOf(u)[i], batch.ScoresOf(u)[i]));
            model.Score(u, items, scores);
            for (var i = 0; i < scores.Length; i++) all.Add((-1 - i, scores[i]));
        }
        Assert.NotEmpty(all);
        return all;
    }

    private static byte[] Bytes(IRecommender model)
    {
        using var stream = new MemoryStream();
        ModelFile.Write(model, stream);
        return stream.ToArray();
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x10;
        return bytes;
    }

    // Paths of the files this process has mapped (Linux).
    private static string MappedPaths() => string.Join('\n', File.ReadAllLines("/proc/self/maps")
        .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
        .Where(fields => fields.Length == 6)
        .Select(fields => fields[5].Trim()));
}

/// <summary>A fact that runs on Linux only (it reads /proc or relies on Linux file semantics).</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only (reads /proc/self/maps, renames over a mapped file).";
    }
}

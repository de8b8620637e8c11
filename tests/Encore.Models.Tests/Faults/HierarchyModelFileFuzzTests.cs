using Encore.Core.Errors;
using Encore.Models.Files;
using Encore.Models.Hierarchy;
using Encore.Models.Tests.Hierarchy;
using Encore.Models.Training;

namespace Encore.Models.Tests.Faults;

/// <summary>
/// The model-file fuzzing of <see cref="ModelFileFuzzTests"/> applied to the hierarchy model's learned predictors
/// (the catalogue fault suites only reach its adaptive predictor, since their worlds carry no validation lists): the
/// files hold the validated Bayesian prior, the fallback line, ML.NET classifier bytes and the ensemble weights.
/// Loading a damaged file either succeeds or throws <see cref="ModelFormatException"/> naming the file.
/// </summary>
public sealed class HierarchyModelFileFuzzTests : IDisposable
{
    private const int Mutations = 40;

    private readonly string _dir = Directory.CreateTempSubdirectory("encore-hier-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("logistic")]
    [InlineData("random-forest")]
    [InlineData("lightgbm")]
    [InlineData("ensemble")]
    public void Load_DamagedClassifierAndEnsembleFiles_FailOnlyAsCorruptModels(string predictor)
    {
        var model = HierarchyFixture.Train(predictor);
        var path = Path.Combine(_dir, predictor + ".bin");
        ModelFile.Save(model, path);
        ModelFileFuzzTests.AssertDamagedCopiesFailOnlyAsCorrupt(File.ReadAllBytes(path), new Random(909 + predictor.Length), Mutations, _dir, predictor);
    }

    [Fact]
    public void Load_ValidatedPriorWithANaNStrength_IsACorruptModel()
    {
        var model = (HierarchyModel)TrainerCatalog.Create("hierarchy", new Dictionary<string, string> { ["predictor"] = "adaptive", ["seed"] = "3" }).Fit(HierarchyFixture.Data);
        var path = Path.Combine(_dir, "prior.bin");
        ModelFile.Save(model, path);
        // After the -1 marker: SPEC's C (8 bytes), the strength array's length (8), zero bytes up to the next file
        // offset that is a multiple of ModelFile.ArrayAlignment (format v2), then the four strengths.
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(BitConverter.GetBytes(-1.0));
        Assert.True(at > 0);
        Assert.Equal(4L, BitConverter.ToInt64(bytes, at + 16));
        var first = at + 24 + (-(at + 24) & (ModelFile.ArrayAlignment - 1));
        BitConverter.GetBytes(double.NaN).CopyTo(bytes, first);
        ModelFileFuzzTests.Reseal(bytes);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelFormatException>(() => ModelLoader.Load(path));
        Assert.Contains("Bayesian prior", ex.Message, StringComparison.Ordinal);
    }
}

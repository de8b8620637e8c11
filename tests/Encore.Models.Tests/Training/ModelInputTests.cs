using Encore.Core.Sparse;
using Encore.Models.Blend;
using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Tests.Ease;
using Encore.Models.Training;

namespace Encore.Models.Tests.Training;

/// <summary>The per-model <c>input</c> setting (<see cref="ModelInput"/>, <see cref="BinaryInputTrainer"/>).</summary>
public sealed class ModelInputTests
{
    // 4 users x 4 items: values 3, 0.5, 2 (positive), 0 (a skip kept as seen) and -1 (a dislike).
    private static readonly CsrMatrix Valued = CsrMatrix.FromTriples(4, 4,
        [0, 0, 1, 1, 2, 2, 3, 3], [0, 1, 1, 2, 0, 3, 2, 3], [3f, 0.5f, 2, 0, 1, -1, 4, 2]);

    [Fact]
    public void Fit_BinaryInput_TheInnerTrainerSeesExactlyTheBinaryMatrix()
    {
        var links = CsrMatrix.FromTriples(4, 4, [0, 1], [1, 0], [1f, 1]);
        var data = TrainingData.FromMatrix(Valued).WithSide(new SideInformation(links, null));
        var recorder = new RecordingTrainer();

        new BinaryInputTrainer(recorder).Fit(data);

        var seen = recorder.Seen!;
        Assert.Equal(Valued.Offsets.ToArray(), seen.Interactions.Offsets.ToArray());
        Assert.Equal(Valued.ColumnIndices.ToArray(), seen.Interactions.ColumnIndices.ToArray());
        var expected = new float[Valued.NonZeros];
        for (var p = 0; p < expected.Length; p++) expected[p] = Valued.Values[p] > 0 ? 1f : Valued.Values[p];
        Assert.Equal([1f, 1, 1, 0, 1, -1, 1, 1], expected);
        Assert.Equal(expected, seen.Interactions.Values.ToArray());
        Assert.Same(data.Users, seen.Users);
        Assert.Same(links, seen.Side!.UserLinks);
    }

    [Fact]
    public void Create_InputBinary_EaseEqualsEaseFittedOnTheBinarisedMatrix()
    {
        var data = TrainingData.FromMatrix(Valued);
        var trainer = TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["input=binary", "lambda=2", "threads=1"]));
        Assert.IsType<BinaryInputTrainer>(trainer);
        Assert.Equal("ease", trainer.ModelName);

        var sut = (EaseModel)trainer.Fit(data);
        var asGiven = (EaseModel)TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["input=as-given", "lambda=2", "threads=1"])).Fit(data);

        // The reference is built on the binary matrix written out by hand (positive pairs of Valued as 1).
        var binary = CsrMatrix.FromTriples(4, 4, [0, 0, 1, 2, 3, 3], [0, 1, 1, 0, 2, 3], [1f, 1, 1, 1, 1, 1]);
        var expected = EaseReference.Weights(binary, 2);
        var differs = false;
        for (var j = 0; j < 4; j++)
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(expected[j, i], sut.WeightsOf(j)[i], 5);
                differs |= Math.Abs(asGiven.WeightsOf(j)[i] - sut.WeightsOf(j)[i]) > 1e-4;
            }
        Assert.True(differs, "binary input must change EASE's weights on valued data");
    }

    [Fact]
    public void Create_InputAsGivenOrAbsent_IsTheModelsOwnTrainer()
    {
        Assert.IsType<EaseTrainer>(TrainerCatalog.Create("ease", TrainerCatalog.ParseSettings(["input=as-given"])));
        Assert.IsType<EaseTrainer>(TrainerCatalog.Create("ease"));
        Assert.IsType<BinaryInputTrainer>(CoreTrainerCatalog.Create("item-knn", TrainerCatalog.ParseSettings(["Input=Binary"])));
    }

    [Fact]
    public void Create_InputUnknown_ThrowsNamingTheValues()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("als", TrainerCatalog.ParseSettings(["input=log1p"])));
        Assert.Contains("input=log1p", error.Message, StringComparison.Ordinal);
        Assert.Contains("as-given or binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownKey_ListsInputAmongTheValidSettings()
    {
        // Session 24's trial: --set factor=32 listed every valid key but input.
        var error = Assert.Throws<ArgumentException>(() => TrainerCatalog.Create("als", TrainerCatalog.ParseSettings(["factor=32"])));
        Assert.EndsWith("seed, threads, input.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_EveryModel_ListsTheInputSetting()
    {
        foreach (var name in TrainerCatalog.Names)
            Assert.Contains(new ModelSetting("input", "as-given|binary", "as-given"), TrainerCatalog.Settings(name));
    }

    [Fact]
    public void Trainers_GeneratorWithInputBinary_GetsItsOwnInputOnly()
    {
        var trainers = BlendComponents.Trainers("ease(input=binary, lambda=2)+item-knn(neighbours=5)", "funnel", 42, 1);
        var binary = Assert.IsType<BinaryInputTrainer>(trainers[0]);
        Assert.Equal(2, ((EaseTrainer)binary.Inner).Options.Lambda);
        Assert.Equal(1, ((EaseTrainer)binary.Inner).Options.Threads);
        Assert.IsNotType<BinaryInputTrainer>(trainers[1]);
    }

    [Fact]
    public void Fit_BlendWithABinaryComponent_ThatComponentHoldsTheBinaryMatrix()
    {
        var data = Contract.PlantedBlocks.Create();
        var model = (BlendModel)new BlendTrainer(new BlendOptions { Components = "ease(input=binary, lambda=5)+ease(lambda=5)", Threads = 1 }).Fit(data);
        var binary = (EaseModel)model.Components[0];
        var asGiven = (EaseModel)model.Components[1];
        Assert.All(binary.Interactions.Values.ToArray(), v => Assert.Equal(1f, v));
        Assert.Equal(data.Interactions.Values.ToArray(), asGiven.Interactions.Values.ToArray());
        Assert.Contains(data.Interactions.Values.ToArray(), v => v > 1);
    }

    private sealed class RecordingTrainer : IRecommenderTrainer
    {
        public TrainingData? Seen { get; private set; }

        public string ModelName => "popularity";

        public IRecommender Fit(TrainingData data, IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
        {
            Seen = data;
            return new Encore.Models.Popularity.PopularityTrainer().Fit(data, progress, cancellationToken);
        }
    }
}

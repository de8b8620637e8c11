using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Hierarchy;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

/// <summary>The scores endpoint's <c>explain</c> option with a hierarchy model (issue 9): the list is scored as one list and explained.</summary>
public sealed class HierarchyScoresTests : IDisposable
{
    private readonly EngineScope _scope = new();
    private readonly HierarchyModel _model;

    public HierarchyScoresTests()
    {
        var m = TestWorld.Matrix;
        _model = (HierarchyModel)new HierarchyTrainer(new HierarchyOptions { Threads = 1 }).Fit(new TrainingData(m.Matrix, m.Users, m.Items));
        var path = Path.Combine(_scope.Folder, "hierarchy.bin");
        ModelFile.Save(_model, path);
        _scope.Engine.Serve("h", path);
        _scope.Engine.Serve("main", TestWorld.AlsPath);
    }

    public void Dispose() => _scope.Dispose();

    [Fact]
    public void Scores_Explain_GivesTheListScoresAndEveryFeatureWithItsSource()
    {
        var items = TestWorld.Matrix.Items;
        string[] tracks = [items[4], "no-such", items[9], items[12]];

        var response = _scope.Engine.Recommendations.Scores(TestWorld.Matrix.Users[0], new ScoreRequest { Tracks = tracks, Model = "h", Explain = true });

        var expected = new float[3];
        _model.Score(0, [4, 9, 12], expected);
        Assert.Equal([expected[0], null, expected[1], expected[2]], response.Scores.Select(s => s.Score));
        Assert.NotNull(response.Explanations);
        Assert.Equal([items[4], items[9], items[12]], response.Explanations.Select(e => e.Track));
        Assert.Equal(expected, response.Explanations.Select(e => e.Score));
        var album = response.Explanations[0].Features.Single(f => f.Name == "album_score");
        Assert.Equal("missing", album.Source); // a plain matrix has no album links: reported, not invented
        Assert.Contains(response.Explanations[0].Features, f => f.Name == "adaptive" && f.Source == "model");
    }

    [Fact]
    public void Scores_ExplainWithAModelThatCannot_IsAConflict()
    {
        var ex = Assert.Throws<OnlineRequestException>(() => _scope.Engine.Recommendations.Scores(TestWorld.Matrix.Users[0],
            new ScoreRequest { Tracks = [TestWorld.Matrix.Items[4]], Model = "main", Explain = true }));
        Assert.Equal(RequestProblem.Conflict, ex.Problem);
    }
}

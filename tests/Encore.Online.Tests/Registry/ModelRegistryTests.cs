using Encore.Online.Registry;

namespace Encore.Online.Tests.Registry;

public sealed class ModelRegistryTests
{
    [Fact]
    public void Register_TwoFiles_NumbersVersionsPerName()
    {
        using var scope = new EngineScope();
        var sut = scope.Engine.Registry;

        var first = sut.Register("main", TestWorld.AlsPath, "run-1");
        var second = sut.Register("main", TestWorld.KnnPath);
        var other = sut.Register("side", TestWorld.KnnPath);

        Assert.Equal((1, 2, 1), (first.Version, second.Version, other.Version));
        Assert.Equal(("als", "item-knn"), (first.Kind, second.Kind));
        Assert.Equal("run-1", sut.List("main")[0].EvaluationRunId);
    }

    [Fact]
    public void Activate_SwapsActiveVersionAndPersistsIt()
    {
        using var scope = new EngineScope();
        var sut = scope.Engine.Registry;
        sut.Register("main", TestWorld.AlsPath);
        sut.Register("main", TestWorld.KnnPath);

        var v1 = sut.Activate("main", 1);
        var v2 = sut.Activate("main", 2);

        Assert.Same(v2, sut.Active("main"));
        Assert.Equal("als", v1.Model.ModelName);
        Assert.Equal("item-knn", v2.Model.ModelName);
        using var reopened = scope.Reopen();
        reopened.Registry.LoadActive();
        Assert.Equal(2, reopened.Registry.Active("main")!.Version);
        Assert.Equal([false, true], reopened.Registry.List("main").Select(v => v.IsActive));
    }

    [Fact]
    public void Activate_UnknownVersion_IsNotFound()
    {
        using var scope = new EngineScope();
        scope.Engine.Registry.Register("main", TestWorld.AlsPath);

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Registry.Activate("main", 9));

        Assert.Equal(RequestProblem.NotFound, ex.Problem);
    }

    [Fact]
    public void Register_NotAModelFile_IsInvalidWithReason()
    {
        using var scope = new EngineScope();
        var path = Path.Combine(scope.Folder, "junk.bin");
        File.WriteAllText(path, "not a model");

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Registry.Register("main", path));

        Assert.Contains("bad magic bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("../x")]
    public void Register_BadName_IsInvalid(string name)
    {
        using var scope = new EngineScope();

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Registry.Register(name, TestWorld.AlsPath));

        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public void RegisterOrReuse_SamePath_ReusesLatestVersion()
    {
        using var scope = new EngineScope();

        var a = scope.Engine.Registry.RegisterOrReuse("main", TestWorld.AlsPath);
        var b = scope.Engine.Registry.RegisterOrReuse("main", TestWorld.AlsPath);

        Assert.Equal(a.Version, b.Version);
        Assert.Single(scope.Engine.Registry.List());
    }

    // `encore serve --model main=als.bin` after a retrain activated version 2: the restart registered als.bin once more
    // (version 3) and activated it, so every restart with the same command line undid the retrain.
    [Fact]
    public void Preload_SameUnchangedFileAfterARetrain_KeepsTheNewerVersionActive()
    {
        using var scope = new EngineScope();
        scope.Engine.Preload("main", TestWorld.AlsPath);
        var retrained = scope.Engine.Registry.Register("main", TestWorld.KnnPath, note: "retrained");
        scope.Engine.Registry.Activate("main", retrained.Version);

        using var restarted = scope.Reopen();
        restarted.Registry.LoadActive();
        var (served, keptNewer) = restarted.Preload("main", TestWorld.AlsPath);

        Assert.True(keptNewer);
        Assert.Equal((2, "item-knn"), (served.Version, served.Model.ModelName));
        Assert.Equal([1, 2], restarted.Registry.List("main").Select(v => v.Version));
    }

    [Fact]
    public void Preload_NewOrChangedFile_IsRegisteredAndActivated()
    {
        using var scope = new EngineScope();
        var path = Path.Combine(scope.Folder, "main.bin");
        File.Copy(TestWorld.AlsPath, path);
        scope.Engine.Preload("main", path);
        scope.Engine.Registry.Activate("main", scope.Engine.Registry.Register("main", TestWorld.KnnPath).Version);

        File.Copy(TestWorld.AlsHalfPath, path, overwrite: true);
        var (served, keptNewer) = scope.Engine.Preload("main", path);

        Assert.False(keptNewer);
        Assert.Equal(3, served.Version);
        Assert.Equal(3, scope.Engine.Registry.Active("main")!.Version);
        Assert.False(scope.Engine.Preload("main", TestWorld.AlsHalfPath).KeptNewer);
    }

    [Fact]
    public void Require_NoModel_IsNotFound()
    {
        using var scope = new EngineScope();

        var ex = Assert.Throws<OnlineRequestException>(() => scope.Engine.Registry.Require("main"));

        Assert.Equal(RequestProblem.NotFound, ex.Problem);
    }

    [Fact]
    public async Task Activate_WhileReadersRun_EveryReadSeesAWholeModel()
    {
        using var scope = new EngineScope();
        var sut = scope.Engine.Registry;
        sut.Register("main", TestWorld.AlsPath);
        sut.Register("main", TestWorld.KnnPath);
        sut.Activate("main", 1);
        var bad = 0;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                ServingModel m = sut.Require("main");
                if ((m.Version == 1) != (m.Model.ModelName == "als")) Interlocked.Increment(ref bad);
            }
        });

        for (var i = 0; i < 20; i++) sut.Activate("main", 1 + i % 2);
        stop.Cancel();
        await reader;

        Assert.Equal(0, bad);
    }
}

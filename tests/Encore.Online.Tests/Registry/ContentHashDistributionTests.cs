using Encore.Online.Registry;
using Encore.Online.Store;
using Encore.Online.Tests.Store;

namespace Encore.Online.Tests.Registry;

/// <summary>
/// Models by content hash: every version records its file's SHA-256; a process loads only bytes with that hash;
/// on PostgreSQL a process without the file fetches it from the store (two engines with separate model folders
/// stand for two silos on two machines), on SQLite a changed or missing file is refused with a clear message.
/// </summary>
public sealed class ContentHashDistributionTests : IDisposable
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    private readonly string _folder = Directory.CreateTempSubdirectory("encore-hash-").FullName;

    private OnlineOptions Options(StoreScope scope, string silo) =>
        new() { StorePath = scope.Location, ModelDirectory = Path.Combine(_folder, silo, "models") };

    private string CopyOf(string model, string name)
    {
        var path = Path.Combine(_folder, name);
        File.Copy(model, path, overwrite: true);
        return path;
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Register_RecordsTheFilesSha256(string kind)
    {
        using var scope = new StoreScope(kind);
        using var engine = new OnlineEngine(Options(scope, "a"));
        var info = engine.Registry.Register("main", TestWorld.AlsPath);
        var expected = ModelContentHash.OfFile(TestWorld.AlsPath);
        Assert.Matches("^[0-9a-f]{64}$", expected);
        Assert.Equal(expected, info.ContentHash);
        Assert.Equal(expected, Assert.Single(engine.Registry.List("main")).ContentHash);
        Assert.NotEqual(expected, ModelContentHash.OfFile(TestWorld.KnnPath));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void RegisterOrReuse_SamePathChangedBytes_RegistersANewVersion(string kind)
    {
        using var scope = new StoreScope(kind);
        using var engine = new OnlineEngine(Options(scope, "a"));
        var path = CopyOf(TestWorld.AlsPath, "model.bin");
        Assert.Equal(1, engine.Registry.RegisterOrReuse("main", path).Version);
        Assert.Equal(1, engine.Registry.RegisterOrReuse("main", path).Version);
        File.Copy(TestWorld.KnnPath, path, overwrite: true);
        var changed = engine.Registry.RegisterOrReuse("main", path);
        Assert.Equal((2, "item-knn"), (changed.Version, changed.Kind));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Activate_RegisteredFileTruncatedInPlaceWhileServed_KeepsServingFromItsOwnCopy(string kind)
    {
        using var scope = new StoreScope(kind);
        using var engine = new OnlineEngine(Options(scope, "a"));
        var path = CopyOf(TestWorld.AlsPath, "served.bin");
        var info = engine.Registry.Register("main", path);
        engine.Registry.Activate("main", info.Version);
        var users = TestWorld.Matrix.Users;
        var before = Enumerable.Range(0, 8).Select(u => engine.Recommendations.ForUser(new() { User = users[u], K = 5 }).Items).ToList();

        // `cp other.bin served.bin` or `truncate`: the same inode shrinks. The mapped model once read past the end of
        // the file (a bus error killed the whole service).
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write)) file.SetLength(100);
        var after = Enumerable.Range(0, 8).Select(u => engine.Recommendations.ForUser(new() { User = users[u], K = 5 }).Items).ToList();

        Assert.Equal(before, after);
        var own = Path.Combine(_folder, "a", "models", "by-hash", info.ContentHash + ".bin");
        Assert.Equal(info.ContentHash, ModelContentHash.OfFile(own));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(own)!, "*.part"));
        Assert.Equal(info.Version, engine.Registry.Activate("main", info.Version).Version); // reloads from the copy
    }

    [Fact]
    public void Sqlite_FileChangedAfterRegistration_IsRefusedNamingPathAndHashes()
    {
        using var scope = new StoreScope("sqlite");
        using var engine = new OnlineEngine(Options(scope, "a"));
        var path = CopyOf(TestWorld.AlsPath, "model.bin");
        var info = engine.Registry.Register("main", path);
        File.Copy(TestWorld.KnnPath, path, overwrite: true);
        var changed = Assert.Throws<OnlineRequestException>(() => engine.Registry.Activate("main", info.Version));
        Assert.Equal(RequestProblem.Conflict, changed.Problem);
        Assert.Contains(path, changed.Message, StringComparison.Ordinal);
        Assert.Contains(ModelContentHash.Short(info.ContentHash!), changed.Message, StringComparison.Ordinal);
        Assert.Contains(ModelContentHash.Short(ModelContentHash.OfFile(TestWorld.KnnPath)), changed.Message, StringComparison.Ordinal);
        Assert.Null(engine.Registry.Active("main"));

        File.Delete(path);
        var missing = Assert.Throws<OnlineRequestException>(() => engine.Registry.Activate("main", info.Version));
        Assert.Contains("is missing here", missing.Message, StringComparison.Ordinal);

        // The right bytes back at the path: it loads.
        File.Copy(TestWorld.AlsPath, path);
        Assert.Equal(info.Version, engine.Registry.Activate("main", info.Version).Version);
    }

    [PostgresTheory, MemberData(nameof(TestStores.PostgresOnly), MemberType = typeof(TestStores))]
    public void Postgres_SiloWithoutTheFile_FetchesItByHashAndServesIt(string kind)
    {
        using var scope = new StoreScope(kind);
        using var a = new OnlineEngine(Options(scope, "a"));
        using var b = new OnlineEngine(Options(scope, "b"));
        var path = CopyOf(TestWorld.AlsPath, "only-on-a.bin");
        var info = a.Registry.Register("main", path);
        a.Registry.Activate("main", info.Version);
        File.Delete(path); // silo b's machine never had it
        var fetched = new List<(int Version, string Path)>();
        b.Registry.Fetched += (v, p) => fetched.Add((v.Version, p));

        var followed = Assert.Single(b.Registry.FollowStore());
        Assert.Equal(info.Version, followed.Version);
        var cached = Path.Combine(_folder, "b", "models", "by-hash", info.ContentHash + ".bin");
        Assert.Equal([(info.Version, cached)], fetched);
        Assert.Equal(info.ContentHash, ModelContentHash.OfFile(cached));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(cached)!, "*.part"));
        var user = TestWorld.Matrix.Users[0];
        Assert.Equal(a.Recommendations.ForUser(new() { User = user, K = 5 }).Items, b.Recommendations.ForUser(new() { User = user, K = 5 }).Items);

        // A damaged cache copy is not trusted: it is fetched again.
        File.WriteAllBytes(cached, [1, 2, 3]);
        using var c = new OnlineEngine(Options(scope, "b"));
        c.Registry.LoadActive();
        Assert.Equal(info.Version, c.Registry.Active("main")!.Version);
        Assert.Equal(info.ContentHash, ModelContentHash.OfFile(cached));
    }

    [PostgresTheory, MemberData(nameof(TestStores.PostgresOnly), MemberType = typeof(TestStores))]
    public void Postgres_VersionWhoseBytesTheStoreLacks_IsRefusedWithAClearMessage(string kind)
    {
        using var scope = new StoreScope(kind);
        using var a = new OnlineEngine(Options(scope, "a"));
        var path = CopyOf(TestWorld.AlsPath, "gone.bin");
        var info = a.Registry.Register("main", path);
        File.Delete(path);
        scope.ExecutePostgres("DELETE FROM model_blobs;");
        var error = Assert.Throws<OnlineRequestException>(() => a.Registry.Activate("main", info.Version));
        Assert.Equal(RequestProblem.Conflict, error.Problem);
        Assert.Contains("the store holds no copy", error.Message, StringComparison.Ordinal);
        Assert.Contains("is missing here", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

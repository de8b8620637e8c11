namespace Encore.Cli.Tests.Faults;

/// <summary>
/// Session 18 field fault: <c>encore serve --model a.bin --dataset other</c> served a model next to a data set it was not
/// trained on, so titles, histories and retraining read the data set by ids that name other tracks or none. It is now
/// refused at start (exit 1) naming the model, the data set and how much of the model's catalogue the data set knows.
/// </summary>
[Collection("console")]
public sealed class ServeDatasetMatchTests(ModelCommandsFixture world) : IClassFixture<ModelCommandsFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-serve-match-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Serve_ModelFromAnotherDataSet_RefusesAtStartNamingBoth()
    {
        var csv = Path.Combine(_dir, "plays.csv");
        await File.WriteAllTextAsync(csv, "user,item\nv1,x1\nv2,x2\nv3,x3\nv1,x2\n");
        var other = Path.Combine(_dir, "other");
        Assert.Equal(ExitCodes.Ok, await EncoreCli.RunAsync(["import", "table", csv, "-o", other, "--set", "user=user", "--set", "item=item"]));

        var (code, _, error) = await ConsoleCapture.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--model", world.ItemKnn,
            "--dataset", other, "--store", Path.Combine(_dir, "service.db"));

        Assert.True(code == ExitCodes.Usage, $"exit {code}: {error}");
        Assert.Contains($"model 'main' ({world.ItemKnn}) was not trained on the data set {other}: only 0 of its", error, StringComparison.Ordinal);
        Assert.Contains("Serve the data set the model was trained on", error, StringComparison.Ordinal);
    }
}

using Encore.Data.Snapshots;
using Encore.Data.Synthetic;

namespace Encore.Cli.Tests;

/// <summary>A Tiny synthetic world snapshot plus an item-kNN and an ALS model trained on it, shared by the model command tests.</summary>
public sealed class ModelCommandsFixture : IDisposable
{
    public ModelCommandsFixture()
    {
        DatasetSnapshot.Write(SyntheticWorld.Generate(SyntheticWorldOptions.Tiny).Dataset, World);
        Train("item-knn", ItemKnn);
        Train("als", Als, "--set", "factors=8", "--set", "iterations=3");
        Train("playlist-knn", PlaylistKnn);
        Train("ease", Ease);
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("encore-cli-models-").FullName;

    public string World => Path.Combine(Folder, "world");

    public string ItemKnn => Path.Combine(Folder, "item-knn.bin");

    public string Als => Path.Combine(Folder, "als.bin");

    public string PlaylistKnn => Path.Combine(Folder, "playlist-knn.bin");

    public string Ease => Path.Combine(Folder, "ease.bin");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private void Train(string model, string output, params string[] extra)
    {
        var code = EncoreCli.RunAsync(["train", World, "--model", model, "-o", output, .. extra]).GetAwaiter().GetResult();
        if (code != ExitCodes.Ok) throw new InvalidOperationException($"training {model} for the fixture failed with exit code {code}");
    }
}

using Encore.Models.Training;

namespace Encore.Cli.Tests;

/// <summary>
/// docs/cli.md's reference lists, checked against the lists the code uses, so that the page cannot drift from the
/// tool (session 24's trial found setting keys and similar-item models missing from it).
/// </summary>
public sealed class CliReferenceTests
{
    private static readonly string[] CliMd = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "cli.md"));

    private static string RepositoryRoot() => DocsCommandTests.RepositoryRoot();

    // The table row of the model settings whose first cell names the model (cells like "item-knn, user-knn").
    private static string? SettingsRow(string model) => CliMd.FirstOrDefault(line =>
        line.StartsWith("| ", StringComparison.Ordinal)
        && line.Split('|', StringSplitOptions.TrimEntries)[1].Split(", ").Contains(model, StringComparer.Ordinal));

    public static TheoryData<string> Models => [.. TrainerCatalog.Names];

    [Theory]
    [MemberData(nameof(Models))]
    public void SettingsTable_EveryModel_ListsEveryKeyItTakes(string model)
    {
        var row = SettingsRow(model);
        var all = SettingsRow("all");
        Assert.NotNull(row);
        Assert.NotNull(all);
        var cells = row[(row.IndexOf('|', 2) + 1)..] + " " + all[(all.IndexOf('|', 2) + 1)..];
        var missing = TrainerCatalog.Settings(model).Select(s => s.Key)
            .Where(key => !System.Text.RegularExpressions.Regex.IsMatch(cells, $@"(^|[\s,(]){System.Text.RegularExpressions.Regex.Escape(key)}([\s,(]|$)"))
            .ToList();
        Assert.True(missing.Count == 0, $"docs/cli.md's settings row of {model} lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ModelLists_ReadmeTrainRowAndCliMd_NameEveryModel()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var train = Assert.Single(readme, line => line.StartsWith("| `encore train", StringComparison.Ordinal));
        var names = string.Join(" ", CliMd.SkipWhile(l => !l.StartsWith("**Model names and settings.**", StringComparison.Ordinal)).Take(3));
        foreach (var model in TrainerCatalog.Names)
        {
            Assert.Matches($@"[ ,]{System.Text.RegularExpressions.Regex.Escape(model)}[ ,]", train);
            Assert.Matches($@"[ ,]{System.Text.RegularExpressions.Regex.Escape(model)}[ ,]", names);
        }
    }

    [Fact]
    public void SimilarRow_ListsTheModelsWithItemSimilarities()
    {
        var row = Assert.Single(CliMd, line => line.StartsWith("| `encore similar", StringComparison.Ordinal));
        Assert.Contains($"nearest items ({string.Join(", ", TrainerCatalog.SimilarItemModels)})", row, StringComparison.Ordinal);
    }
}

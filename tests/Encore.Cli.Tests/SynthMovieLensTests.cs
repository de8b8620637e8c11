using System.Globalization;
using System.Text.RegularExpressions;

namespace Encore.Cli.Tests;

/// <summary>
/// <c>encore synth --preset movielens</c>: the same seed writes the same bytes; on its ratings, evaluated as they come
/// (threshold 4 (auto)), personalised models beat the popularity list and the verdict says so.
/// </summary>
[Collection("console")]
public sealed class SynthMovieLensTests() : TempFolderTest("encore-synth-ml-")
{
    private async Task<string> SynthAsync(string name, string seed)
    {
        var folder = Path.Combine(Dir, name);
        var result = await ConsoleCapture.RunAsync("synth", "--preset", "movielens", "--users", "200", "--tracks", "300", "--events", "12000", "--seed", seed, "-o", folder);
        Assert.Equal(ExitCodes.Ok, result.Code);
        return folder;
    }

    [Fact]
    public async Task Synth_SameSeed_SameBytes()
    {
        var a = await SynthAsync("a", "5");
        var b = await SynthAsync("b", "5");
        var c = await SynthAsync("c", "6");

        var tables = Directory.GetFiles(a, "*.parquet").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("events.parquet", tables);
        foreach (var table in tables)
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(a, table!)), await File.ReadAllBytesAsync(Path.Combine(b, table!)));
        Assert.NotEqual(await File.ReadAllBytesAsync(Path.Combine(a, "events.parquet")), await File.ReadAllBytesAsync(Path.Combine(c, "events.parquet")));
    }

    [Fact]
    public async Task Evaluate_AsItComes_PersonalModelsBeatPopularity()
    {
        var data = await SynthAsync("ml", "42");

        var (code, output, error) = await ConsoleCapture.RunAsync("evaluate", data, "--models", "popularity,item-knn,als", "--k", "10", "--store", Path.Combine(Dir, "runs.db"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("threshold = 4 (auto)", error, StringComparison.Ordinal);
        var popularity = Ndcg(error, "popularity");
        Assert.True(Ndcg(error, "item-knn") > popularity, error);
        Assert.True(Ndcg(error, "als") > popularity, error);
        Assert.Contains("signal beyond popularity: best model ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no signal beyond popularity", output, StringComparison.Ordinal);
    }

    private static double Ndcg(string log, string model)
    {
        var match = Regex.Match(log, $@"^{Regex.Escape(model)}: fit .* ndcg@10 ([0-9.]+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no ndcg@10 line for {model}:\n{log}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}

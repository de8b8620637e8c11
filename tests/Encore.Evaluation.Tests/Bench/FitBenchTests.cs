using Encore.Evaluation.Bench;

namespace Encore.Evaluation.Tests.Bench;

public sealed class FitBenchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("encore-fitbench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_TinySplit_FitsOnceAndScoresEveryTestUser()
    {
        var split = WriteSplit();
        var settings = new Dictionary<string, string> { ["factors"] = "8", ["iterations"] = "2", ["threads"] = "1" };
        var result = FitBench.Run(split, "als", settings, binary: false, quality: true);
        Assert.Equal("als", result.Model);
        Assert.Equal(120, result.TrainPairs);
        Assert.NotNull(result.Quality);
        Assert.Equal(20, result.Quality.Users);
        Assert.True(result.FitSeconds >= 0 && result.ProcessSeconds >= result.FitSeconds);
        var fields = result.ToTsv().Split('\t');
        Assert.Equal(FitBenchResult.TsvHeader.Split('\t').Length, fields.Length);
        Assert.Equal("als", fields[0]);
        Assert.Equal("120", fields[1]);
    }

    [Fact]
    public void Run_WithoutQuality_PrintsDashesForTheScores()
    {
        var split = WriteSplit();
        var result = FitBench.Run(split, "item-knn", new Dictionary<string, string> { ["neighbours"] = "5" }, binary: true, quality: false);
        Assert.Null(result.Quality);
        Assert.EndsWith("\t-\t-", result.ToTsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownModelOrSetting_ThrowsArgumentException()
    {
        var split = WriteSplit();
        Assert.Throws<ArgumentException>(() => FitBench.Run(split, "no-such-model", new Dictionary<string, string>(), false, false));
        Assert.Throws<ArgumentException>(() => FitBench.Run(split, "als", new Dictionary<string, string> { ["nope"] = "1" }, false, false));
    }

    private string WriteSplit()
    {
        var split = Path.Combine(_dir, "split");
        Directory.CreateDirectory(split);
        var train = new System.Text.StringBuilder("user\titem\tvalue\n");
        var test = new System.Text.StringBuilder("user\titem\tvalue\n");
        for (var u = 0; u < 20; u++)
        {
            for (var i = 0; i < 6; i++) train.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u}\ti{(u + i) % 15}\t{1 + i}\n");
            test.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{u}\ti{(u + 7) % 15}\t1\n");
        }
        File.WriteAllText(Path.Combine(split, "train.tsv"), train.ToString());
        File.WriteAllText(Path.Combine(split, "test.tsv"), test.ToString());
        return split;
    }
}

using Encore.Cli.Output;
using Encore.Evaluation.Runs;
using Spectre.Console;

namespace Encore.Cli.Tests;

/// <summary>The evaluate leaderboard: 120 columns by default, every column with --wide, CSV and JSON for programs.</summary>
public sealed class LeaderboardWidthTests
{
    private static readonly int[] Ks = [5, 10, 30];

    /// <summary>Six runs with every metric the evaluation writes, long model names and four-digit timings.</summary>
    private static List<ExperimentRun> Runs() =>
    [
        .. new[] { "popularity", "item-knn", "user-knn", "als", "bpr", "lmf/overlap-first" }.Select((model, i) => new ExperimentRun
        {
            Id = $"r20261129-1641{i:00}-86d36f",
            StartedAt = DateTimeOffset.UnixEpoch,
            Kind = "evaluate",
            Model = model,
            Dataset = "world",
            DatasetHash = "h",
            Protocol = "holdout-0.2 seed 42, test, full-ranking",
            CodeVersion = "test",
            Seed = 42,
            FitSeconds = 1234.5 + i,
            EvaluateSeconds = 987.25,
            Means = Means(0.1 + (i / 100.0)),
            Intervals = Ks.ToDictionary(k => $"ndcg@{k}", _ => new MetricInterval(0.1234, 0.3456)),
        }),
    ];

    private static Dictionary<string, double> Means(double x)
    {
        var means = new Dictionary<string, double> { ["users"] = 50000 };
        foreach (var k in Ks)
            foreach (var m in new[] { "ndcg", "precision", "recall", "hitrate", "map", "coverage", "novelty", "long-tail", "diversity-artist", "diversity-genre" })
                means[$"{m}@{k}"] = m == "novelty" ? 12.345 : x;
        return means;
    }

    private static int Width(TextTable table)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        console.Profile.Width = 400;
        console.Write(table.ToSpectre());
        return writer.ToString().Split('\n').Max(line => line.TrimEnd().Length);
    }

    [Fact]
    public void Build_Default_FitsIn120Columns()
    {
        var sut = RunLeaderboardPrinter.Build(Runs(), Ks, "ndcg@10", "world: holdout-0.2 seed 42, test, full-ranking", wide: false);

        Assert.True(Width(sut) <= 120, $"leaderboard is {Width(sut)} columns wide");
        Assert.Contains("NDCG@10 [95% CI]", sut.Headers);
    }

    [Fact]
    public void Build_Wide_ShowsEveryColumn()
    {
        var sut = RunLeaderboardPrinter.Build(Runs(), Ks, "ndcg@10", "t", wide: true);

        Assert.Contains("NDCG@30 [95% CI]", sut.Headers);
        Assert.Contains("diversity-genre@10", sut.Headers);
        Assert.True(Width(sut) > 120);
    }

    [Fact]
    public void ToCsvAndJson_Wide_HeaderAndOneRecordPerRun()
    {
        var sut = RunLeaderboardPrinter.Build(Runs(), Ks, "ndcg@10", "t", wide: true);

        var lines = sut.ToCsv().TrimEnd('\n').Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("model,fit s,eval s,NDCG@5 [95% CI]", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("lmf/overlap-first,", lines[1], StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(sut.ToJson());
        Assert.Equal(6, json.RootElement.GetArrayLength());
        Assert.Equal("lmf/overlap-first", json.RootElement[0].GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("csv", false, "Csv")]
    [InlineData(null, true, "Markdown")]
    [InlineData("JSON", false, "Json")]
    [InlineData(null, false, "Text")]
    public void Parse_FormatOption_MapsToTableFormat(string? text, bool markdown, string expected) =>
        Assert.Equal(expected, TableFormats.Parse(text, markdown).ToString());

    [Fact]
    public void Parse_UnknownFormat_ThrowsNamingTheChoices() =>
        Assert.Contains("text, markdown, csv or json", Assert.Throws<ArgumentException>(() => TableFormats.Parse("xml", false)).Message, StringComparison.Ordinal);
}

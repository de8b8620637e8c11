using Encore.Core.Errors;
using Encore.Evaluation.Reports;

namespace Encore.Evaluation.Tests.Reports;

public sealed class ReportPartsTests
{
    [Fact]
    public void QuartilesOf_KnownValues_GivesTukeySummary()
    {
        var q = Quartiles.Of([1, 2, 3, 4, 5, 6, 7, 8, 100, double.NaN])!.Value;

        Assert.Equal(new Quartiles(1, 3, 5, 7, 8, 136.0 / 9, 9), q);
    }

    [Fact]
    public void SweepAxisFor_ValuesSpanningHundredfold_UsesLogScale()
    {
        var axis = SweepAxis.For(["0.001", "0.1", "0.01"]);

        Assert.Equal(-2, axis.Position("0.01"), 12);
        Assert.Equal(["0.001", "0.01", "0.1"], axis.TickLabels);
        Assert.Equal("reg (log scale)", axis.Label("reg"));
    }

    [Fact]
    public void SweepAxisFor_TextValues_PlacesCategoriesInOrdinalOrder()
    {
        var axis = SweepAxis.For(["cosine", "bm25", "cosine"]);

        Assert.Equal(0, axis.Position("bm25"));
        Assert.Equal(1, axis.Position("cosine"));
        Assert.Equal("weighting", axis.Label("weighting"));
    }

    [Fact]
    public void MetricKeyParse_OrdersByNameThenCutOff()
    {
        var keys = new[] { "ndcg@100", "auc", "ndcg@5", "ndcg@10", "coverage@10" }.Select(MetricKey.Parse).Order().Select(k => k.Key);

        Assert.Equal(["auc", "coverage@10", "ndcg@5", "ndcg@10", "ndcg@100"], keys);
    }

    [Fact]
    public void Slug_MixedText_KeepsLettersDigitsAndSingleDashes() =>
        Assert.Equal("sweep-als-1-reg", Html.Slug("Sweep ALS@1 / reg!"));

    [Fact]
    public void RunsJsonFile_RoundTrip_KeepsEveryField()
    {
        var dir = Directory.CreateTempSubdirectory("encore-runs-");
        try
        {
            var path = Path.Combine(dir.FullName, "runs.json");
            var runs = ReportFixtures.Runs();
            runs[0] = runs[0] with { Means = new Dictionary<string, double>(runs[0].Means) { ["auc"] = double.NaN } };
            RunsJsonFile.Write(runs, path);

            var back = RunsJsonFile.Read(path);

            Assert.Equal(HtmlReport.Render(runs), HtmlReport.Render(back));
            Assert.Equal(runs[2].Curve, back[2].Curve);
            Assert.True(double.IsNaN(back[0].Means["auc"]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void RunsJsonFileRead_MissingRequiredField_NamesFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("encore-runs-");
        try
        {
            var path = Path.Combine(dir.FullName, "runs.json");
            File.WriteAllText(path, "[\n  {\n    \"id\": \"x\",\n    \"model\": 5\n  }\n]\n");

            var ex = Assert.Throws<DataFormatException>(() => RunsJsonFile.Read(path));

            Assert.Equal(path, ex.File);
            Assert.Equal(4, ex.Line);
            Assert.Equal("$[0].model", ex.Field);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

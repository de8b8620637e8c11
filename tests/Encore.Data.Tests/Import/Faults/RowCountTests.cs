using Encore.Data.Import;
using Encore.Data.Import.KddCup;
using Encore.Data.Import.Table;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>Issue 12 item 10: the report's row count is data rows, without the header line.</summary>
public sealed class RowCountTests
{
    [Fact]
    public void TableImport_WithHeader_CountsOnlyDataRows()
    {
        using var t = new TempFolder();
        var path = t.File("rows.csv", "user,item\nu1,t1\nu2,t1\n");

        var (_, report) = ImportRunner.Run(new TableImporter(), ErrorMode.Strict,
            new Dictionary<string, string> { ["user"] = "user", ["item"] = "item" }, path);

        Assert.Equal(2, report.Counts["rows.csv rows"]);
    }

    [Fact]
    public void KddBlocks_CountOnlyItemLines()
    {
        using var t = new TempFolder();
        t.File("trackData2.txt", "1|None|None\n2|None|None\n");
        t.File("trainIdx2.txt", "7|2\n1\t90\n2\t80\n8|1\n1\t70\n");
        t.File("testIdx2.txt", "7|1\n2\n");

        var (_, report) = ImportRunner.Run(new KddCupImporter(), ErrorMode.Strict, t.Path);

        Assert.Equal(3, report.Counts["trainIdx2.txt rows"]); // two block headers are not rows
        Assert.Equal(1, report.Counts["testIdx2.txt rows"]);
    }
}

using Encore.Data.Import;
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
}

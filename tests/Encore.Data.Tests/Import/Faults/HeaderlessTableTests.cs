using Encore.Core.Errors;
using Encore.Data.Import;
using Encore.Data.Import.Table;

namespace Encore.Data.Tests.Import.Faults;

/// <summary>
/// Files published without a header (Yahoo! R3's train / test pair, copied as train.tsv / test.tsv for
/// <c>evaluate --protocol given:</c>) stopped with "mapped column 'user' not found; columns found: 1, 1, 5": true,
/// but it did not say that the file lacks a header line or how to give one.
/// </summary>
public sealed class HeaderlessTableTests
{
    [Fact]
    public void Import_FirstLineIsNumbers_SaysTheHeaderIsMissing()
    {
        using var t = new TempFolder();
        var f = t.File("train.tsv", "1\t14\t5\n1\t35\t1\n");
        var settings = new Dictionary<string, string> { ["user"] = "user", ["item"] = "item", ["value"] = "value" };

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new TableImporter(), ErrorMode.Strict, settings, f));

        Assert.Equal(1, ex.Line);
        Assert.Contains("mapped column 'user' not found; columns found: 1, 14, 5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no header line", ex.Message, StringComparison.Ordinal);
        Assert.Contains("header=false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_HeaderWithAnotherName_KeepsThePlainMessage()
    {
        using var t = new TempFolder();
        var f = t.File("train.tsv", "uid\titem\tvalue\n1\t14\t5\n");
        var settings = new Dictionary<string, string> { ["user"] = "user", ["item"] = "item" };

        var ex = Assert.Throws<DataFormatException>(() => ImportRunner.Run(new TableImporter(), ErrorMode.Strict, settings, f));

        Assert.Contains("mapped column 'user' not found; columns found: uid, item, value.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no header line", ex.Message, StringComparison.Ordinal);
    }
}

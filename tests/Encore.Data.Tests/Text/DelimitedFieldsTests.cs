using Encore.Data.Text;

namespace Encore.Data.Tests.Text;

public sealed class DelimitedFieldsTests
{
    private static string[] Split(string line, char delimiter, bool quoting)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        var ranges = new FieldRange[8];
        var n = DelimitedFields.Split(bytes, (byte)delimiter, ranges, quoting);
        if (n < 0) return ["<bad>"];
        var result = new string[n];
        for (var i = 0; i < n; i++)
        {
            var f = ranges[i];
            var content = bytes.AsSpan(f.Start, f.Length);
            var buffer = new byte[f.Length];
            var len = f.Escaped ? DelimitedFields.Unescape(content, buffer) : content.Length;
            result[i] = System.Text.Encoding.UTF8.GetString(f.Escaped ? buffer.AsSpan(0, len) : content);
        }
        return result;
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("a,,", new[] { "a", "", "" })]
    [InlineData("", new[] { "" })]
    [InlineData("\"x,y\",z", new[] { "x,y", "z" })]
    [InlineData("\"say \"\"hi\"\"\",2", new[] { "say \"hi\"", "2" })]
    [InlineData("a\"b,c", new[] { "a\"b", "c" })]
    [InlineData("\"\",x", new[] { "", "x" })]
    public void Split_CsvQuoting_GivesFields(string line, string[] expected) =>
        Assert.Equal(expected, Split(line, ',', quoting: true));

    [Fact]
    public void Split_UnclosedQuote_ReportsBadQuoting()
    {
        Assert.Equal(["<bad>"], Split("\"abc,d", ',', quoting: true));
        Assert.Equal(["<bad>"], Split("\"abc\"x,d", ',', quoting: true));
    }

    [Fact]
    public void Split_QuotingOff_KeepsQuotesAsData() =>
        Assert.Equal(["\"a", "b\""], Split("\"a\tb\"", '\t', quoting: false));

    [Fact]
    public void Split_MoreFieldsThanRanges_CountsAll()
    {
        var ranges = new FieldRange[2];
        Assert.Equal(4, DelimitedFields.Split("1|2|3|4"u8, (byte)'|', ranges, quoting: false));
        Assert.Equal(new FieldRange(2, 1, false), ranges[1]);
    }
}

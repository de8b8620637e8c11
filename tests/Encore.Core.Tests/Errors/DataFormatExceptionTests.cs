using Encore.Core.Errors;

namespace Encore.Core.Tests.Errors;

public sealed class DataFormatExceptionTests
{
    [Fact]
    public void Message_FileLineAndField_FormatsAsFileLineField()
    {
        var sut = new DataFormatException("ratings.csv", 12, "rating", "expected a number, got 'abc'");

        Assert.Equal("ratings.csv:12: field 'rating': expected a number, got 'abc'", sut.Message);
        Assert.Equal("ratings.csv", sut.File);
        Assert.Equal(12, sut.Line);
        Assert.Equal("rating", sut.Field);
        Assert.Equal("expected a number, got 'abc'", sut.Problem);
    }

    [Fact]
    public void Message_LineZero_OmitsLine()
    {
        var sut = new DataFormatException("plays.tsv", 0, "header", "expected 4 columns");

        Assert.Equal("plays.tsv: field 'header': expected 4 columns", sut.Message);
    }

    [Fact]
    public void Message_EmptyField_OmitsField()
    {
        var sut = new DataFormatException("plays.tsv.gz", 7, "", "gzip stream is truncated");

        Assert.Equal("plays.tsv.gz:7: gzip stream is truncated", sut.Message);
    }

    [Fact]
    public void Constructor_WithInner_KeepsInnerAndIsEncoreException()
    {
        var inner = new FormatException("x");

        var sut = new DataFormatException("a.csv", 3, "time", "bad date", inner);

        Assert.Same(inner, sut.InnerException);
        Assert.IsAssignableFrom<EncoreException>(sut);
    }

    [Fact]
    public void Constructor_MessageOnly_UsesMessageAsProblem()
    {
        var sut = new DataFormatException("whole file is empty");

        Assert.Equal("whole file is empty", sut.Message);
        Assert.Equal("whole file is empty", sut.Problem);
        Assert.Equal("", sut.File);
    }

    [Fact]
    public void OtherExceptions_Message_PassedThrough()
    {
        Assert.Equal("NaN factors; try a larger regularization", new ModelFitException("NaN factors; try a larger regularization").Message);
        Assert.IsAssignableFrom<EncoreException>(new ModelFormatException("truncated"));
        Assert.Equal("truncated", new ModelFormatException("truncated", new IOException()).Message);
    }
}

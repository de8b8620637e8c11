using Encore.Core.Errors;

namespace Encore.Core.Tests.Errors;

public sealed class GuardTests
{
    [Fact]
    public void Positive_Zero_ThrowsNamingParameterAndValue()
    {
        var factors = 0;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(factors));

        Assert.Equal("factors", ex.ParamName);
        Assert.Equal(0, ex.ActualValue);
        Assert.StartsWith("factors must be > 0 (got 0).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNegative_MinusOne_Throws()
    {
        var epochs = -1;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(epochs));

        Assert.StartsWith("epochs must be >= 0 (got -1).", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void Positive_DoubleNotAboveZero_Throws(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(value));

    [Fact]
    public void NonNegative_DoubleNaN_Throws()
    {
        var alpha = double.NaN;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(alpha));

        Assert.StartsWith("alpha must be >= 0 (got NaN).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InRange_DoubleOutside_ThrowsNamingBounds()
    {
        var dropout = 1.5;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(dropout, 0.0, 1.0));

        Assert.StartsWith("dropout must be in [0, 1] (got 1.5).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InRange_IntOutside_Throws()
    {
        var k = 11;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(k, 1, 10));

        Assert.StartsWith("k must be in [1, 10] (got 11).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_ValidValues_DoNotThrow()
    {
        Guard.Positive(1);
        Guard.NonNegative(0);
        Guard.Positive(1e-9);
        Guard.NonNegative(0.0);
        Guard.InRange(0.0, 0.0, 1.0);
        Guard.InRange(1.0, 0.0, 1.0);
        Guard.InRange(10, 1, 10);
        Guard.SameLength(3, 3, "x");
    }

    [Fact]
    public void SameLength_Different_ThrowsWithBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Guard.SameLength(3, 4, "users and items"));

        Assert.Equal("users and items: lengths differ (3 vs 4).", ex.Message);
    }

    [Fact]
    public void PlainMessage_RuntimeSuffixes_AreCut()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(0, "factors"));

        Assert.Equal("factors must be > 0 (got 0).", Guard.PlainMessage(ex));
        Assert.Equal("bad thing", Guard.PlainMessage(new ArgumentException("bad thing", "x")));
    }

    // A message quoting another argument exception's message was cut at the quoted " (Parameter '...": the PostgreSQL
    // location error ended "is not an Npgsql connection setting (Couldn't set bogus", mid-sentence.
    [Fact]
    public void PlainMessage_QuotedInnerMessage_IsKeptWhole()
    {
        var inner = new ArgumentException("Couldn't set bogus", "bogus");
        var outer = new ArgumentException($"query parameter 'bogus' is not a setting ({inner.Message}).", "location", inner);
        var withoutName = new ArgumentException($"--confidence {inner.Message} and more.");

        Assert.Equal("query parameter 'bogus' is not a setting (Couldn't set bogus (Parameter 'bogus')).", Guard.PlainMessage(outer));
        Assert.Equal("--confidence Couldn't set bogus (Parameter 'bogus') and more.", Guard.PlainMessage(withoutName));
    }
}

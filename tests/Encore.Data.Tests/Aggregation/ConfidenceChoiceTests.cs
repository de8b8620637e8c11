using Encore.Core.Sparse;
using Encore.Data.Aggregation;

namespace Encore.Data.Tests.Aggregation;

public sealed class ConfidenceChoiceTests
{
    [Fact]
    public void Choose_BinaryValues_KeepsThem()
    {
        var sut = ConfidenceChoice.Choose(Matrix(Enumerable.Repeat(1f, 40)));
        Assert.Same(ConfidenceTransform.None, sut.Transform);
        Assert.True(sut.Automatic);
        Assert.Contains("binary", sut.Reason, StringComparison.Ordinal);
        Assert.Equal("none (auto)", sut.Label);
    }

    [Fact]
    public void Choose_FiveStarRatings_KeepsThem()
    {
        var sut = ConfidenceChoice.Choose(Matrix(Enumerable.Range(0, 50).Select(i => (float)(1 + i % 5))));
        Assert.Same(ConfidenceTransform.None, sut.Transform);
        Assert.Contains("bounded", sut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_HeavyTailedPlayCounts_TakesLogOnePlus()
    {
        // Mostly 1-3 plays, a tail up to 5,000: median 2, 99th percentile >= 20x that.
        var values = Enumerable.Range(0, 200).Select(i => i < 190 ? 1f + i % 3 : 50f * (i - 189) * (i - 189));
        var sut = ConfidenceChoice.Choose(Matrix(values));
        Assert.Same(ConfidenceTransform.LogPlusOne, sut.Transform);
        Assert.Equal("log1p (auto)", sut.Label);
        Assert.Contains("heavy-tailed", sut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_LargeCounts_AreWrittenWholeWithSeparators()
    {
        // Session 24's trial: "max 3.527E+05" in the confidence note.
        var values = Enumerable.Range(0, 200).Select(i => i < 190 ? 1f + i % 3 : i == 199 ? 352_712f : 40f);
        Assert.EndsWith("median 2, 99th percentile 40, max 352,712)", ConfidenceChoice.Choose(Matrix(values)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_SignedValues_KeepsThem()
    {
        var values = Enumerable.Range(0, 100).Select(i => i == 0 ? -1f : i < 90 ? 1f : 1000f);
        Assert.Same(ConfidenceTransform.None, ConfidenceChoice.Choose(Matrix(values)).Transform);
    }

    [Fact]
    public void Resolve_GivenTransform_IsKeptAndNotMarkedAutomatic()
    {
        var sut = ConfidenceChoice.Resolve(ConfidenceTransform.Bm25(), Matrix([1f, 500f]));
        Assert.False(sut.Automatic);
        Assert.Equal("bm25(k1=1.2, b=0.75)", sut.Label);
    }

    [Fact]
    public void AutoTransform_Apply_UsesTheChoice()
    {
        var values = Enumerable.Range(0, 200).Select(i => i < 190 ? 1f + i % 3 : 50f * (i - 189) * (i - 189)).ToArray();
        var applied = ConfidenceTransform.Auto.Apply(Matrix(values));
        Assert.Equal(MathF.Log(1 + values[^1]), applied.Values[^1], 5);
        Assert.Equal("auto", ConfidenceTransform.Auto.Name);
    }

    // One row per value (users x 1 item), in order.
    private static CsrMatrix Matrix(IEnumerable<float> values)
    {
        var v = values.ToArray();
        return CsrMatrix.FromTriples(v.Length, 1, [.. Enumerable.Range(0, v.Length)], new int[v.Length], v);
    }
}

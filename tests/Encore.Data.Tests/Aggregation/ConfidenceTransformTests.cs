using Encore.Core.Sparse;
using Encore.Data.Aggregation;

namespace Encore.Data.Tests.Aggregation;

public class ConfidenceTransformTests
{
    // 3 users x 4 items: u0 = {i0: 2, i1: 1}, u1 = {i0: 1}, u2 = {i2: 4}; item i3 is empty.
    private static CsrMatrix Corpus() => CsrMatrix.FromTriples(3, 4, [0, 0, 1, 2], [0, 1, 0, 2], [2f, 1f, 1f, 4f]);

    [Fact]
    public void Linear_Alpha2_OnePlusTwoS()
    {
        var sut = ConfidenceTransform.Linear(2).Apply(Corpus());

        Assert.Equal([5f, 3f, 3f, 9f], sut.Values.ToArray());
    }

    [Fact]
    public void Log_SpecDefaults_OnePlusFortyLnOnePlusSOverEps()
    {
        var s = CsrMatrix.FromTriples(1, 1, [0], [0], [1f]);

        var sut = ConfidenceTransform.Log().Apply(s);

        Assert.Equal(737.82723015809, sut.Values[0], 3);
    }

    [Fact]
    public void LogPlusOne_EMinusOne_GivesOne()
    {
        var s = CsrMatrix.FromTriples(1, 2, [0, 0], [0, 1], [(float)(Math.E - 1), -3f]);

        var sut = ConfidenceTransform.LogPlusOne.Apply(s);

        Assert.Equal(1f, sut.Values[0], 6);
        Assert.Equal(-3f, sut.Values[1]); // a negative total keeps its sign: never a positive signal (issue 12)
    }

    [Fact]
    public void None_ReturnsRawScores()
    {
        Assert.Equal([2f, 1f, 1f, 4f], ConfidenceTransform.None.Apply(Corpus()).Values.ToArray());
    }

    [Fact]
    public void Bm25_HandComputedCorpus_MatchesFormula()
    {
        // N = 4 items; idf(u0) = ln4 - ln3, idf(u1) = idf(u2) = ln4 - ln2; len = {3, 1, 4, 0}, avg = 2.
        var sut = ConfidenceTransform.Bm25().Apply(Corpus());

        Assert.Equal(0.34679482706516046, sut.Get(0, 0), 6);
        Assert.Equal(0.3616574625108102, sut.Get(0, 1), 6);
        Assert.Equal(0.5754429423516528, sut.Get(1, 0), 6);
        Assert.Equal(0.9999500309717245, sut.Get(2, 2), 6);
    }

    [Fact]
    public void TfIdf_HandComputedCorpus_SqrtTimesUserIdf()
    {
        var sut = ConfidenceTransform.TfIdf.Apply(Corpus());

        Assert.Equal(0.40684388851290776, sut.Get(0, 0), 6);
        Assert.Equal(0.2876820724517808, sut.Get(0, 1), 6);
        Assert.Equal(0.6931471805599453, sut.Get(1, 0), 6);
        Assert.Equal(1.3862943611198906, sut.Get(2, 2), 6);
    }

    [Fact]
    public void Bm25_BOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceTransform.Bm25(1.2, 1.5));
    }

    [Fact]
    public void Name_Bm25_ListsParameters()
    {
        Assert.Equal("bm25(k1=1.2, b=0.75)", ConfidenceTransform.Bm25().Name);
    }
}

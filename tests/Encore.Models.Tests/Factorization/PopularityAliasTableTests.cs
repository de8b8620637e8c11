using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Models.Factorization.Bpr;

namespace Encore.Models.Tests.Factorization;

/// <summary>
/// Pins <see cref="PopularityAliasTable"/> to the popularity distribution P(j) = count_j / nnz: exactly, from the table's
/// integer units, and in draws, against the counts by a chi-square bound.
/// </summary>
public sealed class PopularityAliasTableTests
{
    [Theory]
    [InlineData(60, 45, 500, 11UL)]
    [InlineData(300, 7, 2000, 3UL)]
    [InlineData(5, 200, 40, 8UL)]
    [InlineData(1, 1, 1, 1UL)]
    public void Build_EveryItem_HoldsExactlyItsCountTimesItemsUnits(int rows, int columns, int pairs, ulong seed)
    {
        var m = BprEpochReferenceTests.RandomMatrix(rows, columns, pairs, seed);
        var counts = Counts(m);

        var sut = PopularityAliasTable.Build(m);

        Assert.Equal(m.NonZeros, sut.Units);
        Assert.Equal(columns, sut.Items);
        for (var j = 0; j < columns; j++) Assert.Equal((long)counts[j] * columns, sut.Mass(j));
        for (var k = 0; k < columns; k++)
        {
            var threshold = sut.Entries[2 * k];
            var alias = sut.Entries[2 * k + 1];
            Assert.InRange(threshold, 0, sut.Units);
            // An entry that gives units away gives them to an item that has nonzeros.
            if (threshold < sut.Units) Assert.True(counts[alias] > 0, $"entry {k} gives units to item {alias} without nonzeros");
        }
    }

    [Fact]
    public void Build_ItemsWithoutNonzeros_AreNeverDrawn()
    {
        // Items 0, 2 and 5 have no nonzeros.
        var m = CsrMatrix.FromTriples(3, 6, [0, 0, 1, 2, 2, 2], [1, 3, 3, 3, 4, 1], [1f, 1f, 1f, 1f, 1f, 1f]);
        var sut = PopularityAliasTable.Build(m);
        var rng = new Rng(6);

        var drawn = new int[6];
        for (var t = 0; t < 20_000; t++) drawn[sut.Draw(ref rng)]++;

        Assert.Equal(0, drawn[0]);
        Assert.Equal(0, drawn[2]);
        Assert.Equal(0, drawn[5]);
        Assert.Equal(0, sut.Mass(0) + sut.Mass(2) + sut.Mass(5));
    }

    [Fact]
    public void Draw_ManyDraws_MatchTheCountsWithinAChiSquareBound()
    {
        var m = BprEpochReferenceTests.RandomMatrix(200, 12, 3000, seed: 21);
        var counts = Counts(m);
        var sut = PopularityAliasTable.Build(m);
        var rng = new Rng(17);
        const int draws = 300_000;

        var drawn = new int[12];
        for (var t = 0; t < draws; t++) drawn[sut.Draw(ref rng)]++;

        var chiSquare = 0.0;
        var cells = 0;
        for (var j = 0; j < 12; j++)
        {
            if (counts[j] == 0)
            {
                Assert.Equal(0, drawn[j]);
                continue;
            }
            var expected = (double)draws * counts[j] / m.NonZeros;
            chiSquare += (drawn[j] - expected) * (drawn[j] - expected) / expected;
            cells++;
        }
        // The chi-square quantile at 1 - 1e-6 for 11 degrees of freedom is about 47; a wrong table is off by thousands.
        Assert.True(chiSquare < 47, $"chi-square {chiSquare:F1} over {cells} items");
    }

    [Fact]
    public void Build_NoNonzeros_Throws() =>
        Assert.Throws<ArgumentException>(() => PopularityAliasTable.Build(CsrMatrix.FromTriples(2, 3, [], [], [])));

    private static int[] Counts(CsrMatrix m)
    {
        var counts = new int[m.Columns];
        foreach (var c in m.ColumnIndices) counts[c]++;
        return counts;
    }
}

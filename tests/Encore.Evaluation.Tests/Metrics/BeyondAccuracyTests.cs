using Encore.Data.Model;
using Encore.Evaluation.Metrics;
using Encore.Models.Contract;

namespace Encore.Evaluation.Tests.Metrics;

// Catalogue of 10 items; popularity (training users with the item) 8, 4, 2, 1 for items 0..3, 0 for the rest;
// 8 training users. Lists: [0, 1, 2], [2, 3], [] (an empty list is ignored by the per-list means).
public sealed class BeyondAccuracyTests
{
    private static readonly int[][] Lists = [[0, 1, 2], [2, 3], []];
    private static readonly int[] Popularity = [8, 4, 2, 1, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void CatalogueCoverage_DistinctItemsOverCatalogue()
    {
        Assert.Equal(0.4, BeyondAccuracy.CatalogueCoverage(Lists, 10), 12);
        Assert.Throws<ArgumentException>(() => BeyondAccuracy.CatalogueCoverage([[12]], 10));
    }

    [Fact]
    public void Novelty_MeanSelfInformationPerListThenOverLists()
    {
        // Self-information 0, 1, 2, 3 bits for items 0..3; lists: (0 + 1 + 2) / 3 = 1 and (2 + 3) / 2 = 2.5.
        Assert.Equal(1.75, BeyondAccuracy.Novelty(Lists, Popularity, 8), 12);
        // An item no training user has counts as popularity 1: log2(8) = 3 bits.
        Assert.Equal(3.0, BeyondAccuracy.Novelty([[5]], Popularity, 8), 12);
    }

    [Fact]
    public void AverageRecommendedPopularity_HandWorked()
    {
        Assert.Equal((14.0 / 3 + 1.5) / 2, PopularityBias.AverageRecommendedPopularity(Lists, Popularity), 12);
    }

    [Fact]
    public void Head_TakesMostPopularUntilEightyPercentOfInteractions()
    {
        // Total 15, target 12: item 0 (8) then item 1 (12) reach it.
        var head = PopularityBias.Head(Popularity);
        Assert.Equal([true, true, false, false, false, false, false, false, false, false], head);
        Assert.DoesNotContain(true, PopularityBias.Head(new int[3]));
    }

    [Fact]
    public void LongTailShare_HandWorked()
    {
        // [0, 1, 2]: 1 of 3 in the tail; [2, 3]: both -> (1/3 + 1) / 2.
        Assert.Equal(2.0 / 3, PopularityBias.LongTailShare(Lists, Popularity), 12);
    }

    [Fact]
    public void IntraListDiversityByArtist_HandWorked()
    {
        // Artists 0, 0, 1, unknown. [0, 1, 2]: 2 of 3 pairs differ; [2, 3]: unknown differs -> (2/3 + 1) / 2.
        int[] artists = [0, 0, 1, -1];
        Assert.Equal(5.0 / 6, IntraListDiversity.ByArtist(Lists, artists), 12);
        Assert.Equal(1.0, IntraListDiversity.ByArtist([[3, 2]], artists), 12);
        Assert.Equal(0.0, IntraListDiversity.ByArtist([[0, 1]], artists), 12);
        Assert.Equal(0.0, IntraListDiversity.ByArtist([[0]], artists), 12);
    }

    [Fact]
    public void IntraListDiversityByGenre_JaccardDistanceSkippingUnknownGenres()
    {
        // Genres: 0 {1, 2}, 1 {2, 3}, 2 {}, 3 {1}. [0, 1, 2]: only (0, 1) scores 1 - 1/3;
        // [2, 3]: no scorable pair, skipped; [0, 3]: 1 - 1/2.
        var genres = IntLists.From([[1, 2], [2, 3], [], [1]]);
        Assert.Equal((2.0 / 3 + 0.5) / 2, IntraListDiversity.ByGenre([[0, 1, 2], [2, 3], [0, 3]], genres), 12);
        Assert.Equal(0.0, IntraListDiversity.ByGenre([[0, 0]], genres), 12);
    }

    [Fact]
    public void RecommendationLists_From_UsesFilledCountsOnly()
    {
        var batch = new RecommendationBatch(2, 3);
        batch.Items[0] = 4; batch.Items[1] = 5; batch.Counts[0] = 2;
        batch.Items[3] = 7; batch.Counts[1] = 1;
        var lists = RecommendationLists.From(batch);
        Assert.Equal([4, 5], lists[0]);
        Assert.Equal([7], lists[1]);
    }
}

using System.Globalization;
using Encore.Evaluation.Metrics;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// Beyond-accuracy metrics of everyone's top-k lists at each cut-off: coverage, novelty, popularity bias, and
/// diversity by artist / genre when the catalogue has them (docs/metrics.md has the formulas).
/// </summary>
internal static class ListMetrics
{
    public static void AddTo(IDictionary<string, double> means, int[][] lists, IReadOnlyList<int> ks, int[] popularity,
        int trainingUsers, ItemCatalogue catalogue)
    {
        foreach (var k in ks)
        {
            var prefix = Prefix(lists, k);
            var at = k.ToString(CultureInfo.InvariantCulture);
            means[$"coverage@{at}"] = BeyondAccuracy.CatalogueCoverage(prefix, popularity.Length);
            means[$"novelty@{at}"] = trainingUsers == 0 ? 0 : BeyondAccuracy.Novelty(prefix, popularity, trainingUsers);
            means[$"popularity@{at}"] = PopularityBias.AverageRecommendedPopularity(prefix, popularity);
            means[$"long-tail@{at}"] = PopularityBias.LongTailShare(prefix, popularity);
            if (catalogue.Artists is { } artists) means[$"diversity-artist@{at}"] = IntraListDiversity.ByArtist(prefix, artists);
            if (catalogue.Genres is { } genres) means[$"diversity-genre@{at}"] = IntraListDiversity.ByGenre(prefix, genres);
        }
    }

    private static int[][] Prefix(int[][] lists, int k)
    {
        var result = new int[lists.Length][];
        for (var i = 0; i < lists.Length; i++) result[i] = lists[i].Length <= k ? lists[i] : lists[i][..k];
        return result;
    }
}

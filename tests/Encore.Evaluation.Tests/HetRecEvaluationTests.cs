using System.Globalization;
using Encore.Core.Randomness;
using Encore.Core.Sparse;
using Encore.Evaluation.Metrics;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Statistics;
using Encore.Tests.Shared;
using Xunit.Abstractions;

namespace Encore.Evaluation.Tests;

// Last.fm HetRec 2k: most-popular versus random recommendations of artists, end to end over the
// beyond-accuracy metrics, the group protocol and the paired comparison (numbers printed for the docs).
public sealed class HetRecEvaluationTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void MostPopularVersusRandom_MetricsTellThemApart()
    {
        var (train, validation) = Load(seed: 5);
        var popularity = new int[train.Columns];
        foreach (var item in train.ColumnIndices) popularity[item]++;
        var byPopularity = Enumerable.Range(0, popularity.Length).OrderByDescending(i => popularity[i]).ThenBy(i => i).ToArray();
        var top10 = byPopularity[..10];
        var rng = new Rng(3);
        var popularLists = new int[train.Rows][];
        var randomLists = new int[train.Rows][];
        for (var u = 0; u < train.Rows; u++)
        {
            popularLists[u] = top10;
            var pick = new int[10];
            for (var j = 0; j < 10; j++) pick[j] = rng.NextInt(popularity.Length);
            randomLists[u] = pick;
        }

        var tailPopular = PopularityBias.LongTailShare(popularLists, popularity);
        var tailRandom = PopularityBias.LongTailShare(randomLists, popularity);
        var noveltyPopular = BeyondAccuracy.Novelty(popularLists, popularity, train.Rows);
        var noveltyRandom = BeyondAccuracy.Novelty(randomLists, popularity, train.Rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"long tail {tailPopular:0.###} vs {tailRandom:0.###}; novelty {noveltyPopular:0.##} vs {noveltyRandom:0.##} bits; coverage {BeyondAccuracy.CatalogueCoverage(popularLists, popularity.Length):0.####} vs {BeyondAccuracy.CatalogueCoverage(randomLists, popularity.Length):0.###}"));
        Assert.Equal(0.0, tailPopular);
        Assert.True(tailRandom > 0.5);
        Assert.True(noveltyRandom > noveltyPopular + 3);

        var groups = GroupEvaluator.Evaluate(validation, (_, k) => byPopularity[..k], new GroupEvaluationOptions { Seed = 1 });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"group P@10 most-popular {groups.Mean(10):0.###} +/- {groups.StandardDeviation(10):0.###}, least-served member {groups.MeanMinMemberPrecision(10):0.###}, excluded {groups.ExcludedEmptyGroups}"));
        Assert.InRange(groups.Mean(10), 0.05, 1.0);

        var users = Enumerable.Range(0, validation.Rows).Where(u => validation.RowLength(u) > 0).ToArray();
        var pPopular = users.Select(u => RankingMetrics.PrecisionAt(popularLists[u], validation.RowIndices(u), 10)).ToArray();
        var pRandom = users.Select(u => RankingMetrics.PrecisionAt(randomLists[u], validation.RowIndices(u), 10)).ToArray();
        var comparison = PairedComparison.Compare(pRandom, pPopular, seed: 2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"P@10 random {comparison.MeanA:0.####} vs most-popular {comparison.MeanB:0.####}, diff CI [{comparison.CiLow:0.####}, {comparison.CiHigh:0.####}], perm p {comparison.PermutationPValue:0.#####}, wilcoxon p {comparison.WilcoxonPValue:0.###E+0}, d {comparison.CohensD:0.##}"));
        Assert.True(comparison.IsSignificant);
    }

    // user_artists.dat: one row per (user, artist); 20% of each user's artists (seeded) go to validation.
    private static (CsrMatrix Train, CsrMatrix Validation) Load(ulong seed)
    {
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        var artists = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<int>();
        var columns = new List<int>();
        foreach (var line in File.ReadLines(SharedData.Path("lastfm-hetrec2011-2k", "user_artists.dat")).Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length < 3) continue;
            rows.Add(users.TryGetValue(parts[0], out var u) ? u : users[parts[0]] = users.Count);
            columns.Add(artists.TryGetValue(parts[1], out var a) ? a : artists[parts[1]] = artists.Count);
        }
        var all = CsrMatrix.FromTriples(users.Count, artists.Count, rows.ToArray(), columns.ToArray(), Enumerable.Repeat(1f, rows.Count).ToArray());
        var (tr, tc, vr, vc) = (new List<int>(), new List<int>(), new List<int>(), new List<int>());
        for (var u = 0; u < all.Rows; u++)
        {
            var rng = Rng.Fork(seed, (ulong)u);
            foreach (var item in all.RowIndices(u))
            {
                var toValidation = rng.NextDouble() < 0.2;
                (toValidation ? vr : tr).Add(u);
                (toValidation ? vc : tc).Add(item);
            }
        }
        CsrMatrix Build(List<int> r, List<int> c) =>
            CsrMatrix.FromTriples(all.Rows, all.Columns, r.ToArray(), c.ToArray(), Enumerable.Repeat(1f, r.Count).ToArray());
        return (Build(tr, tc), Build(vr, vc));
    }
}

using System.Globalization;
using Encore.Core.Ids;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Splits;
using Encore.Tests.Shared;

namespace Encore.Data.Tests.Splits;

public class HetRecHoldoutTests
{
    [SharedDataFact]
    public void Split_HetRecPlayCounts_SamePairCountsAsPeersProtocol()
    {
        var users = new IdMap();
        var artists = new IdMap();
        var events = new EventTableBuilder();
        foreach (var line in File.ReadLines(SharedData.Path("lastfm-hetrec2011-2k", "user_artists.dat")).Skip(1))
        {
            var f = line.Split('\t');
            events.Add(users.GetOrAdd(f[0]), artists.GetOrAdd(f[1]), EventKind.Play, value: float.Parse(f[2], CultureInfo.InvariantCulture));
        }
        var matrix = InteractionAggregator.Aggregate(events.Build(), users, artists, new AggregationOptions { UseEventValue = true });

        var split = new UserRandomHoldoutSplit(0.2, seed: 42).Split(matrix);

        // PEERS.md: train 74,265 and test 18,569 pairs; the counts follow from the rule, not from the random stream.
        Assert.Equal(92_834, matrix.Matrix.NonZeros);
        Assert.Equal(74_265, split.Train.NonZeros);
        Assert.Equal(18_569, split.Test.NonZeros);
    }
}

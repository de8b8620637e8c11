using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Tests.Aggregation;

internal static class AggregationFixtures
{
    public const long Day = 86_400_000L;

    public static IdMap Users(int n) => IdMap.FromIds(Enumerable.Range(0, n).Select(i => "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static IdMap Items(int n) => IdMap.FromIds(Enumerable.Range(0, n).Select(i => "i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>u0: a play + a like + b skip; u1: c play twice + a advertisement.</summary>
    public static EventTable MixedKinds()
    {
        var b = new EventTableBuilder();
        b.Add(0, 0, EventKind.Play);
        b.Add(0, 0, EventKind.Like);
        b.Add(0, 1, EventKind.Skip);
        b.Add(1, 2, EventKind.Play);
        b.Add(1, 2, EventKind.Play);
        b.Add(1, 0, EventKind.Advertisement);
        return b.Build();
    }
}

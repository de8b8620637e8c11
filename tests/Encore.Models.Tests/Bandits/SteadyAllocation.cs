namespace Encore.Models.Tests.Bandits;

/// <summary>
/// Bytes a round of work allocates on this thread in the steady state: the fewest over a few rounds. Code that
/// allocates does so in every round; the runtime's one-off work (tiered compilation promoting a method mid-round,
/// seen once in CI as 6,192 bytes in a LinUCB round) does not repeat.
/// </summary>
internal static class SteadyAllocation
{
    public static long Fewest(Action round, int rounds = 5)
    {
        var fewest = long.MaxValue;
        for (var r = 0; r < rounds && fewest > 0; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            round();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}

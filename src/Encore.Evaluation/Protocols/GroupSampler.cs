using Encore.Core.Randomness;

namespace Encore.Evaluation.Protocols;

/// <summary>Draws distinct users for one group (partial Fisher-Yates); members come back sorted.</summary>
internal static class GroupSampler
{
    public static int[] Draw(IReadOnlyList<int> pool, int size, Rng rng)
    {
        var copy = pool.ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = rng.NextInt(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        var members = copy[..size];
        Array.Sort(members);
        return members;
    }
}

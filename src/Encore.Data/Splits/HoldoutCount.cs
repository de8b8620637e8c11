namespace Encore.Data.Splits;

/// <summary>How many of a user's n items a per-user holdout hides (the PEERS.md protocol).</summary>
internal static class HoldoutCount
{
    /// <summary>round(fraction * n) (half to even, as Python's round), clamped to [1, n - 1]; 0 when n &lt; 2.</summary>
    public static int Of(int n, double fraction)
    {
        if (n < 2) return 0;
        var k = (int)Math.Round(fraction * n, MidpointRounding.ToEven);
        return Math.Clamp(k, 1, n - 1);
    }
}

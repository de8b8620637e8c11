using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>The generation stages; each has its own random streams so changing one stage never shifts another.</summary>
internal enum SyntheticStage : ulong
{
    Catalogue = 1,
    Tastes = 2,
    Activity = 3,
    Listening = 4,
    Playlists = 5,
    Ratings = 6,
}

/// <summary>
/// Derives the random stream of (stage, index) from the world seed, e.g. one stream per user, so results
/// do not depend on how work is split across threads.
/// </summary>
internal static class SyntheticStreams
{
    public static Rng For(ulong seed, SyntheticStage stage, long index)
    {
        var stageSeed = Rng.Fork(seed, (ulong)stage).NextUInt64();
        return Rng.Fork(stageSeed, (ulong)index);
    }

    /// <summary>Per-stage seed, computed once, for hot per-user loops.</summary>
    public static ulong StageSeed(ulong seed, SyntheticStage stage) => Rng.Fork(seed, (ulong)stage).NextUInt64();

    public static Rng ForIndex(ulong stageSeed, long index) => Rng.Fork(stageSeed, (ulong)index);
}

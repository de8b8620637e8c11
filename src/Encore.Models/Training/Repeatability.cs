namespace Encore.Models.Training;

/// <summary>
/// Which trained models are not repeatable bit for bit for a given seed, and the caveat recorded with their
/// runs. BPR, LMF and WARP update shared factors lock-free from several threads (Hogwild-style, Niu et al. 2011),
/// so with more than one thread the order of updates, and so the factors, differ between runs of the same
/// seed; with <c>threads=1</c> they are repeatable. Every other model is repeatable for a given thread count (the VAE's and
/// EASE's OpenBLAS products may round differently under another thread count, never between runs of one).
/// </summary>
public static class Repeatability
{
    /// <summary>The run parameter that holds the caveat (absent for repeatable settings).</summary>
    public const string Key = "repeatable";

    /// <summary>
    /// The caveat for <paramref name="model"/> trained with <paramref name="settings"/> (catalogue keys, e.g.
    /// <c>threads</c>), or null when the same seed gives the same model. A missing <c>threads</c> means the
    /// default, 0 = all cores.
    /// </summary>
    public static string? Caveat(string model, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        if (model is not ("bpr" or "lmf" or "warp" or "playlist-combined")) return null;
        var threads = settings.TryGetValue("threads", out var text) ? text.Trim() : "0";
        if (threads == "1") return null;
        var described = threads == "0" ? "all cores" : threads + " threads";
        return $"no: {described}, Hogwild-style parallel updates differ between runs of one seed; set threads=1 to repeat";
    }
}

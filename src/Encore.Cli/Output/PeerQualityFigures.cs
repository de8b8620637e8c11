namespace Encore.Cli.Output;

/// <summary>One peer's NDCG@10 on a PEERS.md split, with how its settings were chosen.</summary>
/// <param name="Peer">Library and settings.</param>
/// <param name="Ndcg">NDCG@10 on the split's test part (full ranking, k = 10).</param>
/// <param name="Chosen">"defaults", "tuned on test" or "tuned on validation".</param>
internal sealed record PeerQuality(string Peer, double Ndcg, string Chosen);

/// <summary>
/// The NDCG@10 figures of /work/shared/PEERS.md (measured 2026-11-23 and 2026-11-29, 2 threads), by split folder name,
/// printed next to Encore's results by <c>encore bench quality</c>.
/// </summary>
internal static class PeerQualityFigures
{
    private static readonly PeerQuality[] HetRec =
    [
        new("implicit ALS, log(1 + count), 192 f, reg 40, alpha 1.5", 0.2497, "tuned on validation"),
        new("implicit ALS, log(1 + count), 64 f, reg 20, alpha 1", 0.2414, "tuned on test"),
        new("implicit item-kNN cosine, K = 3000", 0.2201, "tuned on test"),
        new("LightFM WARP, 64 f, 30 epochs", 0.2043, "defaults"),
        new("implicit item-kNN cosine, K = 100, binary", 0.1975, "defaults"),
        new("implicit BPR, 64 f, 100 it", 0.1670, "defaults"),
        new("implicit ALS, 64 f, raw counts", 0.1268, "defaults"),
        new("popularity", 0.0787, "defaults"),
    ];

    private static readonly PeerQuality[] Synthetic =
    [
        new("implicit ALS on BM25 weights, 64 f", 0.2068, "defaults"),
        new("implicit ALS, 64 f", 0.1939, "defaults"),
        new("implicit item-kNN cosine, K = 100", 0.1812, "defaults"),
        new("LightFM WARP, 64 f, 30 epochs", 0.1812, "defaults"),
        new("implicit BPR, 64 f, 100 it", 0.1250, "defaults"),
        new("popularity", 0.0938, "defaults"),
    ];

    /// <summary>The peers' figures for a protocol spec (<c>given:&lt;folder&gt;</c>); empty when PEERS.md has none for it.</summary>
    public static IReadOnlyList<PeerQuality> For(string protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var name = Path.GetFileName(protocol.TrimEnd('/', '\\')).ToLowerInvariant();
        if (name.StartsWith("hetrec", StringComparison.Ordinal)) return HetRec;
        if (name.StartsWith("synth-50k", StringComparison.Ordinal)) return Synthetic;
        return [];
    }
}

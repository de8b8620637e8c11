namespace Encore.Evaluation.Bench;

/// <summary>
/// implicit 0.7.3's figures from /work/shared/PEERS.md (2 threads, a machine of the same kind), keyed by
/// bench measure ("als64.iteration", "als128.iteration", "bpr.epoch", "knn.fit", "top10.all") and by model
/// for quality ("als64", "als128", "bpr", "knn"). Per-iteration figures are whole fit times / iterations.
/// </summary>
public static class ImplicitFigures
{
    private const string Peers = "PEERS.md, implicit 0.7.3, 2 threads";

    /// <summary>Figures for the PEERS synthetic set (50k x 20k, 1.6M training pairs) and its shape.</summary>
    public static IReadOnlyDictionary<string, ImplicitFigure> PeersSynthTimes { get; } = new Dictionary<string, ImplicitFigure>(StringComparer.Ordinal)
    {
        ["als64.iteration"] = new(9.6 / 15, 13.0 / 15, Peers + ": fit 9.6-13.0 s / 15 iterations"),
        ["als128.iteration"] = ImplicitFigure.Exactly(19.9 / 15, Peers + ": fit 19.9 s / 15 iterations"),
        ["bpr.epoch"] = ImplicitFigure.Exactly(54.7 / 100, Peers + ": fit 54.7 s / 100 iterations"),
        ["knn.fit"] = new(1.9, 2.1, Peers + ": item-kNN cosine K=100 fit 1.9-2.1 s"),
        ["top10.all"] = new(7, 11, Peers + ": evaluating all 50k users (top-10 + metrics) 7-11 s per model"),
    };

    /// <summary>implicit's own published Last.fm-360k figure (8-core desktop, not this machine).</summary>
    public static IReadOnlyDictionary<string, ImplicitFigure> LastFm360kTimes { get; } = new Dictionary<string, ImplicitFigure>(StringComparer.Ordinal)
    {
        ["als64.iteration"] = ImplicitFigure.Exactly(2.32, "implicit benchmarks/README.md: 2.32 s per iteration, 64 factors, 8-core desktop CPU (4x this machine's cores)"),
    };

    public static IReadOnlyDictionary<string, ImplicitQuality> PeersSynthQuality { get; } = new Dictionary<string, ImplicitQuality>(StringComparer.Ordinal)
    {
        ["als64"] = new(9.6, 0.1165, 0.1626, 0.1939, 0.622),
        ["als128"] = new(19.9, 0.1073, 0.1470, 0.1720, 0.577),
        ["bpr"] = new(54.7, 0.0696, 0.1146, 0.1250, 0.462),
        ["knn"] = new(1.9, 0.1132, 0.1620, 0.1812, 0.615),
    };

    public static IReadOnlyDictionary<string, ImplicitQuality> HetRecQuality { get; } = new Dictionary<string, ImplicitQuality>(StringComparer.Ordinal)
    {
        ["als64"] = new(1.37, 0.1168, 0.1189, 0.1268, 0.649),
        ["bpr"] = new(1.54, 0.1363, 0.1379, 0.1670, 0.670),
        ["knn"] = new(0.31, 0.1587, 0.1614, 0.1975, 0.709),
    };

    private static readonly Dictionary<string, ImplicitFigure> None = [];

    /// <summary>Time figures for a bench shape name ("peers", "lastfm360k", or a split folder).</summary>
    public static IReadOnlyDictionary<string, ImplicitFigure> TimesFor(string shape) => Kind(shape) switch
    {
        "synth" => PeersSynthTimes,
        "lastfm360k" => LastFm360kTimes,
        _ => None,
    };

    /// <summary>Quality rows for a split folder (the synthetic split or HetRec), else empty.</summary>
    public static IReadOnlyDictionary<string, ImplicitQuality> QualityFor(string shape) => Kind(shape) switch
    {
        "synth" when Directory.Exists(shape) => PeersSynthQuality,
        "hetrec" => HetRecQuality,
        _ => new Dictionary<string, ImplicitQuality>(),
    };

    private static string Kind(string shape)
    {
        var name = Path.GetFileName(shape.TrimEnd('/', '\\')).ToLowerInvariant();
        if (name is "peers" || name.StartsWith("synth-50k", StringComparison.Ordinal)) return "synth";
        if (name is "lastfm360k") return "lastfm360k";
        return name.StartsWith("hetrec", StringComparison.Ordinal) ? "hetrec" : "";
    }
}

using System.Globalization;

namespace Encore.Evaluation.Tuning;

/// <summary>How long <see cref="TuneRunner"/> searches and what it maximises.</summary>
public sealed record TuneOptions
{
    /// <value>Budget in full-fidelity trials (a low-fidelity trial of successive halving counts as its share). Null: use <see cref="Minutes"/>.</value>
    public int? Trials { get; init; }

    /// <value>Budget in wall-clock minutes (checked between trials). Null: use <see cref="Trials"/>.</value>
    public double? Minutes { get; init; }

    /// <value>Seed of the random draws. Default 42.</value>
    public ulong Seed { get; init; } = 42;

    /// <value>Metric to maximise (a key of the runs' means). Default ndcg@10.</value>
    public string Metric { get; init; } = "ndcg@10";

    /// <value>Successive-halving reduction factor: each rung keeps the best 1/Eta at Eta times the effort. Default 3.</value>
    public int Eta { get; init; } = 3;

    /// <value>
    /// How many of the search's best full-effort settings are re-checked on further carves (the defaults are always added).
    /// 0 (or no <see cref="RecheckProtocol"/>): the best on the search carve is chosen. Default 5.
    /// </value>
    public int Recheck { get; init; } = 5;

    /// <value>Number of further validation carves each re-checked setting is trained and scored on. Default 2.</value>
    public int RecheckCarves { get; init; } = 2;

    /// <value>How the re-check chooses (<see cref="SelectionRule"/>). Default: the highest mean over the re-check carves.</value>
    public SelectionRule Rule { get; init; } = SelectionRule.Mean;

    /// <value>
    /// The re-check carve number c (1..<see cref="RecheckCarves"/>) prepared as a protocol: the same training part carved
    /// again with another seed (never the test part). Null: no re-check.
    /// </value>
    public Func<int, Protocols.PreparedProtocol>? RecheckProtocol { get; init; }

    /// <value>Settings held fixed in every trial (e.g. threads).</value>
    public IReadOnlyDictionary<string, string>? Fixed { get; init; }

    /// <summary>"40" = 40 trials; "10m" / "10min" = 10 minutes; "90s" = 1.5 minutes; "1h" = 60 minutes.</summary>
    /// <exception cref="ArgumentException">Neither a positive whole number nor a positive time.</exception>
    public static (int? Trials, double? Minutes) ParseBudget(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var trials) && trials > 0) return (trials, null);
        foreach (var (suffix, scale) in new[] { ("min", 1.0), ("m", 1.0), ("s", 1 / 60.0), ("h", 60.0) })
            if (t.EndsWith(suffix, StringComparison.Ordinal) && double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0)
                return (null, v * scale);
        throw new ArgumentException($"--budget expects a number of trials (e.g. 40) or a time (e.g. 10m, 90s), got '{text}'.");
    }

    internal void Validate()
    {
        if (Trials is null && Minutes is null) throw new ArgumentException("a tuning budget is needed: trials or minutes.");
        if (Trials is <= 0) throw new ArgumentException($"the trial budget must be > 0, got {Trials}.");
        if (Minutes is { } m && !(m > 0)) throw new ArgumentException($"the minute budget must be > 0, got {m}.");
        if (Eta < 2) throw new ArgumentException($"Eta must be >= 2, got {Eta}.");
        if (Recheck < 0) throw new ArgumentException($"the number of re-checked settings must be >= 0, got {Recheck}.");
        if (RecheckCarves < 1) throw new ArgumentException($"the re-check needs at least 1 carve, got {RecheckCarves}.");
    }
}

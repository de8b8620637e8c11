using System.Globalization;
using Encore.Data.Aggregation;

namespace Encore.Evaluation.Protocols;

/// <summary>Which offline protocol splits the data (docs/evaluation.md).</summary>
public enum ProtocolKind
{
    /// <summary>Per-user random 80/20 holdout of (user, item) pairs: the PEERS.md protocol.</summary>
    Holdout,
    /// <summary>One global cut in time into train / validation / test (SPEC S1).</summary>
    Temporal,
    /// <summary>A split given as a folder with train.tsv and test.tsv (columns user, item, value).</summary>
    Given,
}

/// <summary>Which held-out part is scored: the test part, or a validation part (for choosing settings).</summary>
public enum EvaluationTarget
{
    Test,
    Validation,
}

/// <summary>Settings of a protocol; <see cref="Parse"/> reads the command line's <c>holdout | temporal | given:&lt;folder&gt;</c>.</summary>
public sealed record ProtocolOptions
{
    public ProtocolKind Kind { get; init; } = ProtocolKind.Holdout;

    /// <value>Folder with train.tsv and test.tsv (for <see cref="ProtocolKind.Given"/>).</value>
    public string? GivenFolder { get; init; }

    /// <value>Seed of the holdout draws and of sampled negatives. Default 42.</value>
    public ulong Seed { get; init; } = 42;

    /// <value>Holdout: share of each user's items held out (default 0.2). Temporal: share of the latest events in test (default 0.1).</value>
    public double? TestFraction { get; init; }

    /// <value>Temporal: share of events just before test that form validation. Default 0.1.</value>
    public double ValidationFraction { get; init; } = 0.1;

    /// <value>
    /// Test (default) or validation. Holdout and given carve validation out of train with the same rule (seed + 1);
    /// temporal scores validation with a model trained on train only, and test with train + validation.
    /// </value>
    public EvaluationTarget Target { get; init; } = EvaluationTarget.Test;

    /// <value>
    /// Holdout and given: seed of the validation carve of train. Null (default): <see cref="Seed"/> + 1. Another value draws
    /// another carve of the same training part (the test split, drawn with <see cref="Seed"/>, is unchanged): what
    /// <c>tune</c>'s re-check uses.
    /// </value>
    public ulong? ValidationSeed { get; init; }

    /// <summary>The validation carve's seed: <see cref="ValidationSeed"/>, or <see cref="Seed"/> + 1.</summary>
    public ulong EffectiveValidationSeed => ValidationSeed ?? unchecked(Seed + 1);

    private readonly float? _relevanceThreshold;

    /// <value>
    /// A held-out (user, item) pair is relevant when its raw aggregated score (play count, rating) is at least this, in every
    /// protocol. Default: the source's documented rating threshold when ratings are the signal (Yahoo! R3 4 of 1..5, KDD Cup 80
    /// of 0..100, see <see cref="Data.Ratings.RatingScale"/>), else 4/5 of the highest rating when ratings of an undocumented scale
    /// are the signal (<see cref="Data.Ratings.RatingThresholdRule"/>: 4 on MovieLens' 0.5..5), otherwise 1. Setting it makes <see cref="ThresholdIsSet"/> true.
    /// </value>
    public float RelevanceThreshold { get => _relevanceThreshold ?? 1f; init => _relevanceThreshold = value; }

    /// <summary>True when <see cref="RelevanceThreshold"/> was set (by the user or by the source default), false when it is the plain default 1.</summary>
    public bool ThresholdIsSet => _relevanceThreshold.HasValue;

    /// <value>Where the threshold came from when it is a source default, e.g. "yahoo-r3 default: >= 4 of 1..5"; null otherwise. Shown in the label.</value>
    public string? ThresholdOrigin { get; init; }

    /// <value>
    /// True when the threshold was chosen from the data (<see cref="Data.Ratings.RatingThresholdRule"/>: 4/5 of the highest
    /// rating of a scale no source documents); recorded as <c>protocol.threshold = X (auto)</c>. False otherwise.
    /// </value>
    public bool ThresholdAutomatic { get; init; }

    /// <summary>
    /// "4 (auto)" when the threshold was chosen from the data, "4" when it was set (by the user or a source default), null for
    /// the plain default 1: the value recorded as the run parameter <c>protocol.threshold</c>.
    /// </summary>
    public string? ThresholdParameter => !ThresholdIsSet ? null
        : string.Create(CultureInfo.InvariantCulture, $"{RelevanceThreshold}{(ThresholdAutomatic ? " (auto)" : "")}");

    /// <value>
    /// Whether ratings are the signal and how training uses them (<c>data.ratings=</c>): auto (default: ratings when the
    /// events carry no positive weight), ignore, values, positive or signed. See <see cref="Data.Ratings.RatingSignal"/>.
    /// </value>
    public Data.Ratings.RatingSignal Ratings { get; init; } = Data.Ratings.RatingSignal.Auto;

    /// <value>
    /// Group protocol: <see cref="Protocols.GroupRelevance.Any"/> (SPEC S1, default: every held-out track with score
    /// >= <see cref="RelevanceThreshold"/>, repeats included, and models may recommend played tracks) or
    /// <see cref="Protocols.GroupRelevance.New"/> (only tracks new to the member; played tracks excluded from lists).
    /// </value>
    public GroupRelevance GroupRelevance { get; init; } = GroupRelevance.Any;

    /// <value>
    /// Group protocol: the repeat share rho in [0, 1] of the expected-plays strategy
    /// (<see cref="Models.Group.GroupOptions.RepeatShare"/>, <c>protocol.group-repeat-share</c>). Default 0.5.
    /// </value>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1].</exception>
    public double GroupRepeatShare
    {
        get => _groupRepeatShare;
        init { Core.Errors.Guard.InRange(value, 0, 1, nameof(GroupRepeatShare)); _groupRepeatShare = value; }
    }

    private readonly double _groupRepeatShare = 0.5;

    /// <value>When set, rank each user's held-out items among this many sampled negatives instead of the whole catalogue.</value>
    public int? SampledNegatives { get; init; }

    /// <value>
    /// How events become scores. Default: play 1, like 1, others 0, times the event value when present (play counts), with the
    /// confidence transform chosen from the training values (<see cref="ConfidenceTransform.Auto"/>; the choice is recorded).
    /// </value>
    public AggregationOptions Aggregation { get; init; } = new() { UseEventValue = true, Confidence = ConfidenceTransform.Auto };

    public double EffectiveTestFraction => TestFraction ?? (Kind == ProtocolKind.Temporal ? 0.1 : 0.2);

    /// <summary>Parses "holdout", "temporal" or "given:&lt;folder&gt;" (case-insensitive).</summary>
    public static ProtocolOptions Parse(string spec, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var s = spec.Trim();
        if (s.Equals("holdout", StringComparison.OrdinalIgnoreCase)) return new ProtocolOptions { Kind = ProtocolKind.Holdout, Seed = seed };
        if (s.Equals("temporal", StringComparison.OrdinalIgnoreCase)) return new ProtocolOptions { Kind = ProtocolKind.Temporal, Seed = seed };
        if (s.StartsWith("given:", StringComparison.OrdinalIgnoreCase) && s.Length > "given:".Length)
            return new ProtocolOptions { Kind = ProtocolKind.Given, GivenFolder = s["given:".Length..], Seed = seed };
        throw new ArgumentException($"unknown protocol '{spec}'; use holdout, temporal or given:<folder with train.tsv and test.tsv>.");
    }

    /// <summary>The group protocol's relevance rule for its label, e.g. "relevant = any held-out track with score >= 1 (SPEC S1)".</summary>
    public string GroupRelevanceLabel => GroupRelevance == GroupRelevance.Any
        ? string.Create(CultureInfo.InvariantCulture, $"group relevant = any held-out track with score >= {RelevanceThreshold}, repeats included (SPEC S1)")
        : string.Create(CultureInfo.InvariantCulture, $"group relevant = held-out tracks new to the member with score >= {RelevanceThreshold}");

    /// <summary>The ranking part of the protocol label: full ranking unless sampled negatives were asked for.</summary>
    internal string RankingLabel => SampledNegatives is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"sampled-{n}-negatives")
        : "full-ranking";
}

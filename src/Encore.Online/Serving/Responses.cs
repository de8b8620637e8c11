namespace Encore.Online.Serving;

/// <summary>A recommended track and its model score (higher = better; scales differ between models).</summary>
public sealed record ScoredTrack(string Track, float Score);

/// <summary>
/// A ranked list plus how it was made: the model name and version that served it and the path taken
/// (<see cref="ServingPath"/>). <see cref="IgnoredTracks"/> counts request tracks the model does not know.
/// </summary>
/// <see cref="Reason"/> says why a later step of the chain answered: "no-positive-signal" (the model knows the
/// user, but without a positive event: none at all, or only skips / dislikes; or the model does not know the user and
/// their stored feedback holds only skips / dislikes), "no-evidence" (the model has no evidence for any track it may still
/// recommend to the user), "history-unusable" (the history gave the model no evidence), else null.
/// <param name="User">The user the list is for.</param>
/// <param name="Model">Model name that answered.</param>
/// <param name="Version">Its active version.</param>
/// <param name="Path">How the list was made (model, fold-in, cold start...).</param>
/// <param name="Items">The ranked tracks.</param>
/// <param name="IgnoredTracks">History tracks the model does not know.</param>
/// <param name="Reason">Why a fallback path answered, when one did.</param>
/// <param name="Experiment">The experiment, variant and list id when a running A/B experiment answered; omitted otherwise.</param>
public sealed record RecommendationResponse(string? User, string Model, int Version, string Path, IReadOnlyList<ScoredTrack> Items, int IgnoredTracks = 0, string? Reason = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Experiments.ExperimentTag? Experiment = null);

/// <summary>How well the group list suits one member, the path that scored them and, when a fallback did, why (as <see cref="RecommendationResponse.Reason"/>).</summary>
public sealed record MemberResult(string? User, string Path, double ShareInOwnTopN, double MeanNormalisedScore, string? Reason = null);

/// <summary>The group strategies a request may name: <c>Strategies</c> the canonical names (in the models' order), <c>Aliases</c> the other accepted spellings.</summary>
public sealed record GroupStrategiesResponse(IReadOnlyList<string> Strategies, IReadOnlyList<string> Aliases);

public sealed record GroupRecommendationResponse(string Model, int Version, string Strategy, IReadOnlyList<ScoredTrack> Items, IReadOnlyList<MemberResult> Members, double MinimumShare);

/// <summary>Score of one candidate; null when the model does not know the track.</summary>
public sealed record CandidateScore(string Track, float? Score);

/// <summary>Scores of a candidate list; with <c>explain</c>, <c>Explanations</c> holds one entry per known candidate (every feature with its value and source), omitted otherwise.</summary>
public sealed record ScoresResponse(string User, string Model, int Version, string Path, IReadOnlyList<CandidateScore> Scores,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CandidateExplanationResponse>? Explanations = null)
{
    /// <summary>Why a fallback path answered (as <see cref="RecommendationResponse.Reason"/>: "history-unusable", "no-positive-signal"), else null.</summary>
    public string? Reason { get; init; }
}

/// <summary>One candidate's score explained: every feature, its value and where it came from (user, siblings, bayes, global, missing, derived, model).</summary>
public sealed record CandidateExplanationResponse(string Track, float Score, IReadOnlyList<FeatureExplanation> Features);

/// <summary>One feature of an explained candidate.</summary>
public sealed record FeatureExplanation(string Name, float Value, string Source);

/// <summary>A track of the user's history and how much it contributed to the explained score.</summary>
public sealed record Contribution(string Track, float Weight);

public sealed record ExplanationResponse(string User, string Track, string Model, int Version, float Score, IReadOnlyList<Contribution> Because);

/// <summary>
/// Tracks similar to <see cref="Track"/>. <see cref="Path"/> is "model" (the model's own neighbours) or
/// "popularity" when the track has no positive signal in training and so no neighbours.
/// </summary>
public sealed record SimilarTracksResponse(string Track, string Model, int Version, IReadOnlyList<ScoredTrack> Items, string Path = ServingPath.Model);

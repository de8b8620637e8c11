namespace Encore.Models.ColdStart;

/// <summary>
/// The answer to a <see cref="ColdStartRequest"/>: items (external ids, best first) with their scores, the
/// branch that produced them, and every id of the request that the model does not know (history, exclude
/// and allow lists, in request order, each once), so a caller can tell the user what was ignored.
/// Scores are on the scale of the branch that produced them (model scores, fold-in scores or popularity counts).
/// </summary>
public sealed record ColdStartAnswer(string[] Items, float[] Scores, RecommendationPath Path, string[] UnknownItems)
{
    /// <summary>
    /// True when the model knows the user but the user has no positive signal in training (no events at all, as a
    /// user of a profile file; or only skips, dislikes or zero totals), so the answer came from a later step of the
    /// chain (fold-in or popularity).
    /// </summary>
    public bool KnownWithoutSignal { get; init; }

    /// <summary>
    /// True when the request's history had known items but the model could not use them (the fold-in gave no
    /// evidence for any item, or the fold-in system could not be solved), so popularity answered.
    /// </summary>
    public bool HistoryUnusable { get; init; }

    /// <summary>
    /// True for a similar-items answer about a track without positive signal in training: it has no
    /// neighbours, so the answer is the popularity step of the chain (minus the track itself).
    /// </summary>
    public bool ItemWithoutSignal { get; init; }

    /// <summary>
    /// True for a similar-items answer about a track with signal that the model's own similarity gives no neighbour
    /// (its listeners heard nothing else, or EASE left it out with <c>minimum-users</c>), so the answer is the
    /// popularity step of the chain (minus the track itself) instead of an empty list.
    /// </summary>
    public bool ItemWithoutNeighbours { get; init; }

    /// <summary>
    /// True when the model knows the user (with signal) but has no evidence for any track it may still
    /// recommend to them, so popularity answered instead of an empty list.
    /// </summary>
    public bool ModelWithoutEvidence { get; init; }

    /// <summary>True when the request named a user the model does not know (or none).</summary>
    public bool UnknownUser => Path != RecommendationPath.Model && !KnownWithoutSignal && !ModelWithoutEvidence;
}

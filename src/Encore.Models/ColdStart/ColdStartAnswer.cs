namespace Encore.Models.ColdStart;

/// <summary>
/// The answer to a <see cref="ColdStartRequest"/>: items (external ids, best first) with their scores, the
/// branch that produced them, and every id of the request that the model does not know (history, exclude
/// and allow lists, in request order, each once), so a caller can tell the user what was ignored.
/// Scores are on the scale of the branch that produced them (model scores, fold-in scores or popularity counts).
/// </summary>
public sealed record ColdStartAnswer(string[] Items, float[] Scores, RecommendationPath Path, string[] UnknownItems)
{
    /// <summary>True when the request named a user the model does not know (or none).</summary>
    public bool UnknownUser => Path != RecommendationPath.Model;
}

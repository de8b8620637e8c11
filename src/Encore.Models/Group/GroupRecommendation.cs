namespace Encore.Models.Group;

/// <summary>How well the group list suits one member (for fairness reports).</summary>
/// <param name="Member">Position of the member in the request.</param>
/// <param name="ShareInOwnTopN">Share of the group list that is in the member's own top-N list.</param>
/// <param name="MeanNormalisedScore">Mean of the member's normalised scores over the group list.</param>
public sealed record MemberSatisfaction(int Member, double ShareInOwnTopN, double MeanNormalisedScore);

/// <summary>The group's list (best first) with the aggregated scores and each member's satisfaction.</summary>
public sealed record GroupRecommendation(int[] Items, float[] Scores, MemberSatisfaction[] Members)
{
    /// <summary>Lowest member share: 1 when every member finds the whole list in their own top-N.</summary>
    public double MinimumShare => Members.Length == 0 ? 0 : Members.Min(m => m.ShareInOwnTopN);
}

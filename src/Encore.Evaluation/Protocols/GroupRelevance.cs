namespace Encore.Evaluation.Protocols;

/// <summary>Which held-out tracks of the members count as relevant in the group protocol (<c>protocol.group-relevance</c>).</summary>
public enum GroupRelevance
{
    /// <summary>
    /// SPEC S1's rule (the default): every held-out (member, track) pair whose score reaches the threshold, repeats
    /// of tracks the member already had in training included; models may recommend already played tracks.
    /// </summary>
    Any,

    /// <summary>Only held-out pairs new to the member's training history; already played tracks are never recommended.</summary>
    New,
}

namespace Encore.Evaluation.Protocols.SampledNegatives;

/// <summary>One labelled (playlist, track) pair: a held-out member of the playlist (true) or a sampled non-member (false).</summary>
/// <param name="Playlist">Playlist row (dense index).</param>
/// <param name="Track">Track column (dense index).</param>
/// <param name="Label">True for a held-out positive, false for a sampled negative.</param>
public readonly record struct LabelledPair(int Playlist, int Track, bool Label);

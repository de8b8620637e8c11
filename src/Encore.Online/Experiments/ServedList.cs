namespace Encore.Online.Experiments;

/// <summary>A list served under an experiment: who saw which tracks from which variant, and when.</summary>
/// <param name="ListId">Unique id returned to the client with the list.</param>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Variant">Variant name the user was assigned to.</param>
/// <param name="User">External user id.</param>
/// <param name="Tracks">The tracks shown, in rank order (each is one impression).</param>
/// <param name="ServedMs">Unix milliseconds when the list was served.</param>
public sealed record ServedList(string ListId, string Experiment, string Variant, string User, IReadOnlyList<string> Tracks, long ServedMs);

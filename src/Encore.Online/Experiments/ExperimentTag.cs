namespace Encore.Online.Experiments;

/// <summary>Returned with a list served under an experiment: which experiment and variant answered, and the list's id.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Variant">The user's variant.</param>
/// <param name="ListId">Id of the recorded served list.</param>
public sealed record ExperimentTag(string Experiment, string Variant, string ListId);

/// <summary>A request's assignment to a running experiment's variant.</summary>
/// <param name="Experiment">The running experiment.</param>
/// <param name="Variant">The variant the request's user is assigned to.</param>
public sealed record ExperimentAssignment(AbExperiment Experiment, AbVariant Variant);

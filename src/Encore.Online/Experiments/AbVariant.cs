namespace Encore.Online.Experiments;

/// <summary>
/// One arm of an A/B experiment: what serves it (a registered model name and optional version, or a named
/// policy) and its share of the traffic.
/// </summary>
/// <param name="Name">Unique within the experiment, e.g. "control", "als-v7".</param>
/// <param name="Share">Fraction of users assigned to this arm, in (0, 1]; the shares of an experiment sum to 1.</param>
/// <param name="Model">Registered model name serving the arm with its active version (null for a policy arm). To
/// compare two versions of one model, register the candidate under a second name (e.g. "main" and "candidate").</param>
/// <param name="Policy">Name of a non-model policy (e.g. a bandit policy), when <paramref name="Model"/> is null.</param>
public sealed record AbVariant(string Name, double Share, string? Model = null, string? Policy = null);

namespace Encore.Online.Experiments;

/// <summary>The life cycle of a stored experiment: draft → running → stopped, and running or stopped → promoted.</summary>
public enum ExperimentState
{
    /// <summary>Created, not serving yet.</summary>
    Draft,

    /// <summary>Serving: requests without an explicit model are answered by the user's variant.</summary>
    Running,

    /// <summary>Ended without a winner being activated; its lists and feedback stay for the report and replay.</summary>
    Stopped,

    /// <summary>Ended by activating one variant's model as the default model.</summary>
    Promoted,
}

/// <summary>An experiment as stored: its definition, state and times (Unix milliseconds).</summary>
/// <param name="Experiment">Name, salt, variants and shares.</param>
/// <param name="State">Where it is in its life cycle.</param>
/// <param name="CreatedMs">When it was created.</param>
/// <param name="StartedMs">When it started serving (null while a draft).</param>
/// <param name="StoppedMs">When it stopped or was promoted (null before).</param>
/// <param name="PromotedVariant">The variant whose model was activated (only when <see cref="ExperimentState.Promoted"/>).</param>
public sealed record ExperimentRecord(AbExperiment Experiment, ExperimentState State, long CreatedMs, long? StartedMs = null, long? StoppedMs = null, string? PromotedVariant = null)
{
    /// <summary>The experiment's name.</summary>
    public string Name => Experiment.Name;
}

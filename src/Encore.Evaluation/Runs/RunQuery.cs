namespace Encore.Evaluation.Runs;

/// <summary>Filters of <see cref="IRunStore.List"/>; every null filter matches everything.</summary>
public sealed record RunQuery
{
    /// <value>Only runs of this model name (exact match).</value>
    public string? Model { get; init; }

    /// <value>Only runs of this sweep.</value>
    public string? SweepId { get; init; }

    /// <value>Only runs of this kind ("evaluate", "sweep", "group").</value>
    public string? Kind { get; init; }

    /// <value>Only runs on a dataset with this content hash.</value>
    public string? DatasetHash { get; init; }

    /// <value>Only the most recent N runs (still returned oldest first). Null: all.</value>
    public int? Last { get; init; }

    /// <value>Also load per-user values and curves. Default false.</value>
    public bool IncludeDetails { get; init; }
}

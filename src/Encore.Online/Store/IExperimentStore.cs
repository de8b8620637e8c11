using Encore.Online.Experiments;
using Encore.Online.Feedback;

namespace Encore.Online.Store;

/// <summary>
/// Durable A/B experiments: their definitions and states, every list served under one (with its variant and the
/// tracks at their positions), and the feedback attributed to each shown track. Implementations:
/// <see cref="ExperimentRepository"/> over SQLite and over PostgreSQL (one SQL text, both dialects); both pass the
/// store contract suite. Tables experiments, experiment_lists and experiment_impressions (docs/experiments.md).
/// </summary>
public interface IExperimentStore
{
    /// <summary>Stores a new experiment; false (nothing written) when one of that name exists.</summary>
    bool TryCreate(ExperimentRecord experiment);

    /// <summary>The experiment named <paramref name="name"/>, or null.</summary>
    ExperimentRecord? Find(string name);

    /// <summary>Every experiment, newest created first.</summary>
    List<ExperimentRecord> All();

    /// <summary>
    /// Replaces the definition (salt and variants) of the draft named <paramref name="experiment"/>'s name, atomically
    /// (compare-and-set on the draft state). Returns the stored record, or null when no draft of that name exists.
    /// </summary>
    ExperimentRecord? TryReplaceDraft(AbExperiment experiment);

    /// <summary>Deletes the draft named <paramref name="name"/> (a draft has no lists); false when no draft of that name exists.</summary>
    bool TryDeleteDraft(string name);

    /// <summary>
    /// Moves an experiment from <paramref name="from"/> to <paramref name="to"/> atomically (compare-and-set, safe
    /// across processes). Entering Running sets the start time; Stopped and Promoted set the stop time. With
    /// <paramref name="onlyIfNoneRunning"/>, the move fails while another experiment is running. Returns the new
    /// record, or null when the experiment was not in <paramref name="from"/> (or another one runs).
    /// </summary>
    ExperimentRecord? Transition(string name, ExperimentState from, ExperimentState to, long nowMs, string? promotedVariant = null, bool onlyIfNoneRunning = false);

    /// <summary>Records a served list and one impression per track (committed before returning).</summary>
    /// <exception cref="ArgumentException">A list with that id exists.</exception>
    void RecordList(ServedList list);

    /// <summary>
    /// Attributes events to impressions: a play, like or skip of track t by user u at time τ marks the newest
    /// impression of t in a list served to u at or before τ and at most <paramref name="windowMs"/> earlier. One
    /// transaction; returns how many events were attributed.
    /// </summary>
    int Attribute(IReadOnlyList<StoredEvent> events, long windowMs);

    /// <summary>One variant's impressions grouped by user and outcome.</summary>
    List<OutcomeCount> OutcomeCounts(string experiment, string variant);

    /// <summary>Every list served under <paramref name="experiment"/>, in serving order (for offline replay).</summary>
    List<ServedList> Lists(string experiment);
}

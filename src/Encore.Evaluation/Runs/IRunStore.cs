namespace Encore.Evaluation.Runs;

/// <summary>
/// Where experiment runs live: written once, read back by id or listed with filters. Implementations must
/// keep earlier runs intact when a write fails (one transaction per save) and allow concurrent writers.
/// </summary>
public interface IRunStore
{
    /// <summary>Saves the runs in one transaction: either all of them are stored or none is.</summary>
    void Save(IReadOnlyList<ExperimentRun> runs);

    /// <summary>The full run (per-user values and curve included), or null when no run has this id.</summary>
    ExperimentRun? Get(string id);

    /// <summary>
    /// Runs matching <paramref name="query"/>, oldest first. Per-user values and curves are loaded only when
    /// <see cref="RunQuery.IncludeDetails"/> is set (listing stays fast on large stores).
    /// </summary>
    IReadOnlyList<ExperimentRun> List(RunQuery? query = null);
}

/// <summary>Single-run conveniences over <see cref="IRunStore"/>.</summary>
public static class RunStoreExtensions
{
    public static void Save(this IRunStore store, ExperimentRun run)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Save([run]);
    }

    /// <summary>The run with this id, or an <see cref="ArgumentException"/> naming the id.</summary>
    public static ExperimentRun GetRequired(this IRunStore store, string id)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Get(id) ?? throw new ArgumentException($"no run with id '{id}' in the store (see 'encore runs list').", nameof(id));
    }
}

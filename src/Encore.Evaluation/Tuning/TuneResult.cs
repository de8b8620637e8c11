using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Tuning;

/// <summary>Every trial of one model's search (as recorded runs) and the best full-fidelity one.</summary>
/// <param name="TuneId">Sweep id shared by the trials' runs.</param>
/// <param name="Model">Model tuned.</param>
/// <param name="Metric">Metric maximised.</param>
/// <param name="Trials">Every trial's run, in the order run (low-fidelity rungs included, their "tune.fidelity" parameter says so; re-check runs carry "tune.recheck").</param>
/// <param name="Best">The chosen setting's run on the searched carve: the best at full fidelity there, or the re-check's choice.</param>
/// <param name="BestSettings">The settings that produced <paramref name="Best"/> (only those the search chose or fixed).</param>
public sealed record TuneResult(string TuneId, string Model, string Metric, IReadOnlyList<ExperimentRun> Trials, ExperimentRun Best,
    IReadOnlyDictionary<string, string> BestSettings)
{
    /// <summary>The re-check of the top settings on further carves, or null when none ran (disabled, temporal protocol, one setting).</summary>
    public RecheckOutcome? Recheck { get; init; }

    /// <summary>Full-effort trials the search spent (the defaults included; a 1/9-effort trial counts 1/9): what a trial budget limits.</summary>
    public double SearchEffort { get; init; }

    /// <summary>Runs of the search (every effort level), without the re-check runs.</summary>
    public int SearchRuns => Trials.Count - RecheckRuns;

    /// <summary>Runs of the re-check on further carves (they come on top of a trial budget).</summary>
    public int RecheckRuns => Trials.Count(t => t.Parameters.ContainsKey("tune.recheck"));
}

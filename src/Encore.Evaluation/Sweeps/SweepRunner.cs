using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Sweeps;

/// <summary>
/// Grid or seeded random search over one model's settings: each setting is trained and evaluated on the same
/// prepared protocol (use the validation target so that test never chooses), saved to the store as soon as it
/// finishes (a crash keeps the finished ones), and the best by <c>metric</c> (higher is better) is returned.
/// </summary>
public static class SweepRunner
{
    public static SweepResult Run(PreparedProtocol protocol, string model, IReadOnlyList<IReadOnlyDictionary<string, string>> settingsList,
        string metric, EvaluationSettings settings, IReadOnlyDictionary<string, string>? fixedSettings = null,
        IRunStore? store = null, IProgress<ExperimentRun>? onRun = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(settingsList);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(settings);
        if (settingsList.Count == 0) throw new ArgumentException("a sweep needs at least one setting.", nameof(settingsList));
        var sweepId = settings.SweepId ?? RunIds.NewSweepId(settings.Time.GetUtcNow());
        var pipeline = new EvaluationPipeline(settings with { Kind = "sweep", SweepId = sweepId });
        // Check every setting before the first (possibly long) fit: a typo fails at once.
        var trainers = Check(model, settingsList, fixedSettings, protocol.Options.Seed);
        var runs = new List<ExperimentRun>(trainers.Count);
        for (var i = 0; i < trainers.Count; i++)
        {
            var (trainer, parameters) = trainers[i];
            var (run, _) = pipeline.Evaluate(protocol, new ModelCandidate(model, trainer, parameters), cancellationToken);
            if (!run.Means.ContainsKey(metric))
                throw new ArgumentException($"metric '{metric}' is not measured; measured: {string.Join(", ", run.Means.Keys)}.");
            store?.Save(run);
            onRun?.Report(run);
            runs.Add(run);
        }
        var best = runs.MaxBy(r => r.Means[metric])!;
        return new SweepResult(sweepId, metric, runs, best);
    }

    /// <summary>
    /// Builds the trainer of every setting (the fixed settings overlaid with the setting), so that an unknown key or a bad
    /// value fails before any data is read or any model is fitted.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown model, unknown key (the message lists the valid keys), or a bad value.</exception>
    public static List<(Models.Contract.IRecommenderTrainer Trainer, IReadOnlyDictionary<string, string> Parameters)> Check(string model,
        IReadOnlyList<IReadOnlyDictionary<string, string>> settingsList, IReadOnlyDictionary<string, string>? fixedSettings, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(settingsList);
        return [.. settingsList.Select(s => TrainerFactory.Create(model, Merge(fixedSettings, s), seed))];
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? fixedSettings, IReadOnlyDictionary<string, string> setting)
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in fixedSettings ?? new Dictionary<string, string>()) merged[k] = v;
        foreach (var (k, v) in setting) merged[k] = v;
        return merged;
    }
}

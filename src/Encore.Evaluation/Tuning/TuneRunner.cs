using System.Diagnostics;
using System.Globalization;
using Encore.Core.Randomness;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Tuning;

/// <summary>
/// Automatic tuning of one model on a prepared protocol (its validation target: test never chooses). The model's defaults
/// are trial 1, so the result is never worse than them on validation. Then, for models with an effort setting (iterations),
/// successive-halving brackets (Jamieson and Talwalkar 2016; Li et al. 2017, Hyperband's inner loop): Eta^2 seeded random
/// settings at 1/Eta^2 of the iterations, the best 1/Eta at 1/Eta of them, the best one at full effort; for closed-form models
/// seeded random search at full effort. Every trial is a recorded run (kind "tune", one sweep id); the budget counts
/// full-effort trials (a 1/9 trial counts 1/9) or minutes.
/// After the search, the best <see cref="TuneOptions.Recheck"/> full-effort settings and the defaults are trained and scored
/// again on <see cref="TuneOptions.RecheckCarves"/> further carves of the same training part (other seeds), and the choice is
/// made there (<see cref="RecheckSelection"/>), not on the searched carve, whose best is biased upward by its noise. With a
/// minute budget the re-check's expected time is kept out of the search's share; with a trial budget it comes on top.
/// </summary>
public static class TuneRunner
{
    public static TuneResult Run(PreparedProtocol protocol, string model, TuneOptions options, EvaluationSettings settings,
        IRunStore? store = null, IProgress<ExperimentRun>? onTrial = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.Validate();
        var space = SearchSpace.For(model);
        var tuneId = settings.SweepId ?? RunIds.NewSweepId(settings.Time.GetUtcNow());
        var pipeline = new EvaluationPipeline(settings with { Kind = "tune", SweepId = tuneId });
        var rng = new Rng(options.Seed);
        var clock = Stopwatch.StartNew();
        var spent = 0.0;
        var trials = new List<ExperimentRun>();
        var full = new List<(ExperimentRun Run, Dictionary<string, string> Setting)>();
        var fullSeconds = 0.0;
        var rechecking = options.Recheck > 0 && options.RecheckProtocol is not null;

        // A minute budget keeps room for the re-check: (Recheck + 1 defaults) x carves full trials at the mean full trial's time.
        double Reserve() => !rechecking || full.Count == 0 ? 0
            : (Math.Min(options.Recheck, full.Count) + 1) * options.RecheckCarves * fullSeconds / full.Count / 60;
        bool Exhausted() => options.Trials is { } t ? spent >= t - 1e-9 : clock.Elapsed.TotalMinutes >= options.Minutes!.Value - Reserve();

        ExperimentRun Trial(Dictionary<string, string> setting, double fidelity, PreparedProtocol? on = null, int carve = 0)
        {
            var started = clock.Elapsed.TotalSeconds;
            var effective = new Dictionary<string, string>(options.Fixed ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in setting) effective[k] = v;
            if (space.FidelityKey is { } key && fidelity < 1)
                effective[key] = Math.Max(1, (int)Math.Round(space.FullFidelity * fidelity)).ToString(CultureInfo.InvariantCulture);
            var (trainer, parameters) = TrainerFactory.Create(model, effective, protocol.Options.Seed);
            var recorded = new Dictionary<string, string>(parameters, StringComparer.Ordinal)
            {
                ["tune.fidelity"] = fidelity.ToString("0.###", CultureInfo.InvariantCulture),
            };
            if (carve > 0) recorded["tune.recheck"] = carve.ToString(CultureInfo.InvariantCulture);
            var (run, _) = pipeline.Evaluate(on ?? protocol, new ModelCandidate(model, trainer, recorded), cancellationToken);
            if (!run.Means.ContainsKey(options.Metric))
                throw new ArgumentException($"metric '{options.Metric}' is not measured; measured: {string.Join(", ", run.Means.Keys)}.");
            store?.Save(run);
            onTrial?.Report(run);
            trials.Add(run);
            if (carve > 0) return run;
            spent += fidelity;
            if (fidelity >= 1)
            {
                full.Add((run, setting));
                fullSeconds += clock.Elapsed.TotalSeconds - started;
            }
            return run;
        }

        // Trial 1: the defaults (with the fixed settings).
        Trial(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), 1.0);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(new Dictionary<string, string>()) };
        while (!Exhausted() && space.Dimensions.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (space.FidelityKey is null)
            {
                var setting = Fresh(space, ref rng, seen);
                if (setting is null) break;
                Trial(setting, 1.0);
                continue;
            }
            // One successive-halving bracket: eta^2 settings at 1/eta^2, eta at 1/eta, one at full effort.
            var eta = options.Eta;
            var rung = new List<Dictionary<string, string>>();
            for (var i = 0; i < eta * eta; i++)
                if (Fresh(space, ref rng, seen) is { } s) rung.Add(s);
            if (rung.Count == 0) break;
            var level = 2;
            while (rung.Count > 0 && !Exhausted())
            {
                var fidelity = level == 0 ? 1.0 : 1.0 / Math.Pow(eta, level);
                var scored = new List<(Dictionary<string, string> Setting, double Value)>();
                foreach (var setting in rung)
                {
                    if (Exhausted()) break;
                    scored.Add((setting, Trial(setting, fidelity).Means[options.Metric]));
                }
                if (level == 0 || scored.Count == 0) break;
                var keep = Math.Max(1, scored.Count / eta);
                rung = [.. scored.OrderByDescending(s => s.Value).Take(keep).Select(s => s.Setting)];
                level--;
            }
        }
        var best = full.MaxBy(f => f.Run.Means[options.Metric]);
        RecheckOutcome? recheck = null;
        if (rechecking && full.Count > 1)
        {
            // The best full-effort settings on the searched carve (the defaults always among them), each on every further carve.
            var picked = full.Skip(1).OrderByDescending(f => f.Run.Means[options.Metric]).Take(options.Recheck).Prepend(full[0]).ToList();
            var carves = new List<CarveScores>[picked.Count];
            for (var i = 0; i < picked.Count; i++) carves[i] = [];
            for (var c = 1; c <= options.RecheckCarves; c++)
            {
                var carve = options.RecheckProtocol!(c);
                for (var i = 0; i < picked.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var run = Trial(picked[i].Setting, 1.0, carve, c);
                    carves[i].Add(new CarveScores(run.Users, run.PerUser.TryGetValue(options.Metric, out var values) ? values : []));
                }
            }
            recheck = RecheckSelection.Choose(
                [.. picked.Select((p, i) => new RecheckCandidate(p.Setting, p.Run.Means[options.Metric], carves[i], space.Complexity(p.Run.Parameters)))],
                options.Rule);
            best = picked[recheck.ChosenIndex];
        }
        var bestSettings = new Dictionary<string, string>(options.Fixed ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in best.Setting) bestSettings[k] = v;
        return new TuneResult(tuneId, model, options.Metric, trials, best.Run, bestSettings) { Recheck = recheck, SearchEffort = spent };
    }

    // A setting not drawn before (gives up after 50 repeats: a small discrete space is exhausted).
    private static Dictionary<string, string>? Fresh(SearchSpace space, ref Rng rng, HashSet<string> seen)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var setting = space.Draw(ref rng);
            if (seen.Add(Key(setting))) return setting;
        }
        return null;
    }

    private static string Key(Dictionary<string, string> setting) =>
        string.Join(";", setting.OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).Select(kv => $"{kv.Key}={kv.Value}"));
}

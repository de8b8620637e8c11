namespace Encore.Evaluation.Tuning;

/// <summary>How <see cref="RecheckSelection"/> picks among the re-checked settings.</summary>
public enum SelectionRule
{
    /// <summary>The highest mean over the re-check carves.</summary>
    Mean,

    /// <summary>
    /// The one-standard-error rule (Breiman et al. 1984, Classification and Regression Trees, section 3.4.3; Hastie,
    /// Tibshirani and Friedman 2009, The Elements of Statistical Learning, section 7.10): among the settings whose mean is
    /// within one standard error of the best mean, the simplest (lowest <see cref="RecheckCandidate.Complexity"/>).
    /// </summary>
    OneStandardError,
}

/// <summary>Per-user values of the tuned metric on one validation carve (users are dense user indices).</summary>
/// <param name="Users">Users evaluated, as in <see cref="Runs.ExperimentRun.Users"/>.</param>
/// <param name="Values">The metric per user, same length and order.</param>
public sealed record CarveScores(int[] Users, double[] Values)
{
    /// <summary>Mean over the users (0 when none).</summary>
    public double Mean => Values.Length == 0 ? 0 : Values.Average();
}

/// <summary>One setting to re-check: what the search saw and what each further carve says.</summary>
/// <param name="Setting">The setting as the search drew it (written to the settings file when chosen).</param>
/// <param name="SearchValue">The metric on the search's own carve (selection-biased: not used to choose).</param>
/// <param name="Carves">Per-user values on each re-check carve, in the same carve order for every candidate.</param>
/// <param name="Complexity">Size of the model the setting gives (e.g. factors); lower is simpler. Used by the one-standard-error rule only.</param>
public sealed record RecheckCandidate(IReadOnlyDictionary<string, string> Setting, double SearchValue, IReadOnlyList<CarveScores> Carves, double Complexity);

/// <summary>One row of the re-check table.</summary>
/// <param name="Candidate">The setting and its scores.</param>
/// <param name="CarveMeans">Mean of the metric on each re-check carve.</param>
/// <param name="Mean">Mean of <paramref name="CarveMeans"/>: what the choice uses.</param>
/// <param name="Spread">Sample standard deviation of <paramref name="CarveMeans"/> (0 with one carve).</param>
/// <param name="Gap">Best mean minus this mean (0 for the best, otherwise &gt; 0 or = 0 on ties).</param>
/// <param name="GapStandardError">Standard error of <paramref name="Gap"/> from the per-user paired differences on each carve.</param>
public sealed record RecheckRow(RecheckCandidate Candidate, IReadOnlyList<double> CarveMeans, double Mean, double Spread, double Gap, double GapStandardError)
{
    /// <summary>True when <see cref="Gap"/> is at most one standard error.</summary>
    public bool WithinOneStandardError => Gap <= GapStandardError + 1e-12;
}

/// <summary>The re-check's verdict: every candidate's row (in the order given), the best mean and the chosen setting.</summary>
/// <param name="Rows">One row per candidate, in the order given.</param>
/// <param name="BestIndex">Row with the highest mean over the re-check carves.</param>
/// <param name="ChosenIndex">Row the rule chose (equals <paramref name="BestIndex"/> under <see cref="SelectionRule.Mean"/>).</param>
/// <param name="Rule">The rule applied.</param>
public sealed record RecheckOutcome(IReadOnlyList<RecheckRow> Rows, int BestIndex, int ChosenIndex, SelectionRule Rule)
{
    /// <summary>The chosen row.</summary>
    public RecheckRow Chosen => Rows[ChosenIndex];
}

/// <summary>
/// Chooses among a search's top settings by their scores on further validation carves of the training data (drawn with
/// other seeds), not on the carve the search maximised: the best of many trials on one carve is biased upward by that
/// carve's noise (the winner's curse; Cawley and Talbot 2010, "On over-fitting in model selection", JMLR 11), and fresh
/// carves give an unbiased comparison. The gap's standard error pools the per-user paired differences of each carve:
/// SE = sqrt(sum_c s_c^2 / n_c) / C, where s_c^2 is the sample variance of the per-user differences on carve c over its n_c
/// common users and C the number of carves.
/// </summary>
public static class RecheckSelection
{
    /// <summary>Scores every candidate on the re-check carves and applies <paramref name="rule"/>.</summary>
    /// <exception cref="ArgumentException">No candidates, no carves, or candidates with different numbers of carves.</exception>
    public static RecheckOutcome Choose(IReadOnlyList<RecheckCandidate> candidates, SelectionRule rule = SelectionRule.Mean)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0) throw new ArgumentException("the re-check needs at least one candidate setting.", nameof(candidates));
        var carves = candidates[0].Carves.Count;
        if (carves == 0) throw new ArgumentException("the re-check needs at least one carve.", nameof(candidates));
        if (candidates.Any(c => c.Carves.Count != carves))
            throw new ArgumentException($"every candidate needs scores on the same {carves} carve(s).", nameof(candidates));

        var means = candidates.Select(c => c.Carves.Select(s => s.Mean).ToArray()).ToArray();
        var mean = means.Select(m => m.Average()).ToArray();
        var best = 0;
        for (var i = 1; i < mean.Length; i++)
            if (mean[i] > mean[best]) best = i;
        var rows = new RecheckRow[candidates.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var se = i == best ? 0 : GapStandardError(candidates[best], candidates[i]);
            rows[i] = new RecheckRow(candidates[i], means[i], mean[i], Spread(means[i]), mean[best] - mean[i], se);
        }
        var chosen = best;
        if (rule == SelectionRule.OneStandardError)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (!rows[i].WithinOneStandardError) continue;
                var a = candidates[i].Complexity;
                var b = candidates[chosen].Complexity;
                if (a < b || (a == b && mean[i] > mean[chosen])) chosen = i;
            }
        }
        return new RecheckOutcome(rows, best, chosen, rule);
    }

    private static double Spread(double[] values)
    {
        if (values.Length < 2) return 0;
        var m = values.Average();
        return Math.Sqrt(values.Sum(v => (v - m) * (v - m)) / (values.Length - 1));
    }

    // Paired per-user differences (best - other) on each carve, over the users both were scored on.
    private static double GapStandardError(RecheckCandidate best, RecheckCandidate other)
    {
        var variance = 0.0;
        for (var c = 0; c < best.Carves.Count; c++)
        {
            var a = best.Carves[c];
            var index = new Dictionary<int, double>(a.Users.Length);
            for (var k = 0; k < a.Users.Length; k++) index[a.Users[k]] = a.Values[k];
            var b = other.Carves[c];
            var diffs = new List<double>(b.Users.Length);
            for (var k = 0; k < b.Users.Length; k++)
                if (index.TryGetValue(b.Users[k], out var v)) diffs.Add(v - b.Values[k]);
            if (diffs.Count < 2) continue;
            var m = diffs.Average();
            variance += diffs.Sum(d => (d - m) * (d - m)) / (diffs.Count - 1) / diffs.Count;
        }
        return Math.Sqrt(variance) / best.Carves.Count;
    }
}

using System.Globalization;
using Encore.Evaluation.Tuning;

namespace Encore.Cli.Output;

/// <summary>
/// What <c>encore tune</c> says about its budget (docs/tune.md): the plan before each model's search and, after it, what
/// the search spent, in the budget's own unit (full-effort trials, a 1/9-effort trial counting 1/9; or minutes) and in runs.
/// </summary>
internal static class TuneBudgetText
{
    /// <summary>"tuning als: budget 6 full-effort trials (...), then a re-check ..." for one model's share of the budget.</summary>
    /// <param name="model">Model name (its search space tells whether it has shorter-effort trials).</param>
    /// <param name="trials">This model's share of a trial budget, or null for a time budget.</param>
    /// <param name="minutes">This model's share of a time budget (minutes), or null for a trial budget.</param>
    /// <param name="recheck">Settings re-checked besides the defaults (0: no re-check).</param>
    /// <param name="carves">Further carves of the re-check; ignored when <paramref name="recheck"/> is 0.</param>
    public static string Plan(string model, int? trials, double? minutes, int recheck, int carves)
    {
        var staged = SearchSpace.For(model).FidelityKey is not null;
        var reruns = recheck > 0 ? (recheck + 1) * carves : 0;
        if (trials is { } t)
        {
            var effort = staged ? " (1/9- and 1/3-effort trials count their fraction, so there are more runs than that)" : "";
            var then = reruns > 0 ? $", then a re-check of up to {recheck + 1} settings on {carves} further carve(s): up to {reruns} runs on top" : "";
            return $"tuning {model}: budget {Trials(t)}{effort}{then}";
        }
        var within = reruns > 0 ? ", the re-check on further carves included" : "";
        return string.Create(CultureInfo.InvariantCulture, $"tuning {model}: budget {minutes:0.#} minutes of search{within}");
    }

    /// <summary>The budget column of the summary table: "6 of 6" full-effort trials, or the trials spent under a time budget.</summary>
    public static string Spent(TuneResult result, int? share) => share is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{result.SearchEffort:0.##} of {s}")
        : string.Create(CultureInfo.InvariantCulture, $"{result.SearchEffort:0.##}");

    /// <summary>"30 runs (26 search, 4 re-check)": every run recorded for the results.</summary>
    public static string Runs(IEnumerable<TuneResult> results)
    {
        var list = results.ToList();
        var search = list.Sum(r => r.SearchRuns);
        var recheck = list.Sum(r => r.RecheckRuns);
        return $"{search + recheck} runs ({search} search, {recheck} re-check)";
    }

    /// <summary>A budget split over several models: each model's share, and a note when the budget is below one trial per model.</summary>
    public static string? Split(int trials, IReadOnlyList<string> models, int[] shares)
    {
        if (models.Count < 2) return null;
        var each = string.Join(", ", models.Select((m, i) => $"{m} {shares[i]}"));
        var over = shares.Sum() > trials
            ? $"; every model needs at least its defaults, so {shares.Sum()} trials run instead of {trials}"
            : "";
        return $"budget {Trials(trials)} split across {models.Count} models: {each}{over}";
    }

    private static string Trials(int n) => n == 1 ? "1 full-effort trial" : $"{n} full-effort trials";
}

using System.Globalization;
using Encore.Cli.Output;
using Encore.Evaluation.Tuning;

namespace Encore.Cli.Commands;

/// <summary>Prints <c>encore tune</c>'s re-check (each re-checked setting on the searched carve and on every further carve) and its settings-file comment.</summary>
internal static class TuneRecheckTable
{
    /// <summary>"mean" or "one-se" (also "1se", "one-standard-error").</summary>
    public static SelectionRule ParseRule(string text) => text.Trim().ToLowerInvariant() switch
    {
        "mean" => SelectionRule.Mean,
        "one-se" or "1se" or "1-se" or "one-standard-error" => SelectionRule.OneStandardError,
        _ => throw new ArgumentException($"--selection expects mean or one-se, got '{text}'."),
    };

    /// <summary>
    /// One row per re-checked setting: the searched carve's value (seed <paramref name="searchSeed"/>), each further carve's
    /// (seeds <paramref name="searchSeed"/> + 1, + 2, ...), their mean and spread, the gap to the best mean with its standard error.
    /// </summary>
    public static TextTable Create(string model, string metric, RecheckOutcome outcome, ulong searchSeed)
    {
        var carves = outcome.Rows[0].CarveMeans.Count;
        var headers = new List<string> { "setting", $"searched carve (seed {searchSeed})" };
        for (var c = 1; c <= carves; c++) headers.Add(string.Create(CultureInfo.InvariantCulture, $"carve seed {unchecked(searchSeed + (ulong)c)}"));
        headers.AddRange(["re-check mean", "spread (sd)", "gap to best ± SE", "verdict"]);
        var rule = outcome.Rule == SelectionRule.Mean ? "highest mean" : "one-standard-error rule: simplest within 1 SE of the best mean";
        var table = new TextTable($"{model}: re-check of the top settings on {carves} further carve(s) of the training part, {metric}; chosen by {rule}", [.. headers]);
        for (var i = 0; i < outcome.Rows.Count; i++)
        {
            var row = outcome.Rows[i];
            var setting = row.Candidate.Setting.Count == 0 ? "(defaults)" : string.Join(" ", row.Candidate.Setting.Select(kv => $"{kv.Key}={kv.Value}"));
            var cells = new List<string> { setting, Numbers.F(row.Candidate.SearchValue) };
            cells.AddRange(row.CarveMeans.Select(m => Numbers.F(m)));
            cells.Add(Numbers.F(row.Mean));
            cells.Add(Numbers.F(row.Spread));
            cells.Add(i == outcome.BestIndex ? "-" : $"{Numbers.F(row.Gap)} ± {Numbers.F(row.GapStandardError)}");
            cells.Add(Verdict(outcome, i));
            table.Add([.. cells]);
        }
        return table;
    }

    /// <summary>The settings file's comment line for one model's result.</summary>
    public static string Comment(TuneResult result, string metric)
    {
        var searched = $"{metric} {Numbers.F(result.Best.Means[metric])} on the searched validation carve after {result.SearchEffort.ToString("0.##", CultureInfo.InvariantCulture)} full-effort trials ({result.SearchRuns} runs) (run {result.Best.Id}, tune {result.TuneId})";
        if (result.Recheck is not { } o) return $"{result.Model}: {searched}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Model}: {metric} {Numbers.F(o.Chosen.Mean)} mean over {o.Chosen.CarveMeans.Count} re-check carve(s) (spread {Numbers.F(o.Chosen.Spread)}), chosen among {o.Rows.Count} by {(o.Rule == SelectionRule.Mean ? "mean" : "one-se")}; {searched}");
    }

    private static string Verdict(RecheckOutcome outcome, int i) => (i == outcome.ChosenIndex, i == outcome.BestIndex) switch
    {
        (true, true) => "chosen (best mean)",
        (true, false) => "chosen (simplest within 1 SE)",
        (false, true) => "best mean",
        _ => outcome.Rows[i].WithinOneStandardError ? "within 1 SE" : "",
    };
}

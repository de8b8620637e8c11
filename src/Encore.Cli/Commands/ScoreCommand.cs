using System.CommandLine;
using System.Globalization;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Core.Ids;
using Encore.Models.Contract;
using Encore.Models.Files;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore score model.bin --user ID --tracks T1,T2,...</c>: the model's scores of a candidate list for a known user
/// (the list is scored as one list, as in the six-candidate protocol); <c>--explain</c> prints, for models that can
/// (hierarchy), every feature of every candidate with its value and the level it came from.
/// </summary>
public static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "Model file written by encore train." };
        var user = new Option<string>("--user", "-u") { Description = "User id (must be in the model).", Required = true };
        var tracks = new Option<string[]>("--tracks", "-t") { Description = "Candidate track ids, comma-separated (e.g. a six-candidate list).", Required = true };
        var explain = new Option<bool>("--explain") { Description = "Print every feature of every candidate, its value and its source (user, siblings, bayes, global, missing); hierarchy models." };
        var markdown = new Option<bool>("--markdown") { Description = "Print Markdown tables." };
        var command = new Command("score", "Score a candidate list for a user with a saved model, optionally explained feature by feature.")
        {
            model, user, tracks, explain, markdown,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(model)!, IdArgument.Parse(parse.GetValue(user), "--user")!, IdList.Parse(parse.GetValue(tracks), "--tracks"), parse.GetValue(explain), parse.GetValue(markdown)))));
        return command;
    }

    internal static int Run(string modelPath, string user, string[] tracks, bool explain, bool markdown)
    {
        if (tracks.Length == 0) throw new ArgumentException("--tracks needs at least one track id.");
        var model = ModelLoader.Load(CommandLinePath.Existing(modelPath, "<model>"));
        if (!model.Users.TryGetIndex(user, out var u))
            throw new ArgumentException($"user '{user}' is not in the model ({model.Users.Count:N0} users); score needs a user the model was trained on.");
        if (explain && model is not ICandidateExplainer)
            throw new ArgumentException($"the {model.ModelName} model cannot explain candidate scores feature by feature; train --model hierarchy for that.");
        var unknown = new List<string>();
        var items = model.Items.KnownTrackIndices(tracks, unknown);
        if (unknown.Count > 0) Console.Error.WriteLine($"not in the model (no score): {string.Join(", ", unknown)}");
        if (items.Length == 0) return ExitCodes.Ok;
        var scores = new float[items.Length];
        model.Score(u, items, scores);
        var table = new TextTable($"{model.ModelName}: scores of {items.Length} candidate{(items.Length == 1 ? "" : "s")} for {user}", "rank", "track", "score");
        var order = Enumerable.Range(0, items.Length).OrderByDescending(i => float.IsNaN(scores[i]) ? float.NegativeInfinity : scores[i]).ToArray();
        var decimals = ScoreDecimals(scores);
        for (var r = 0; r < order.Length; r++)
            table.Add((r + 1).ToString(CultureInfo.InvariantCulture), model.Items[items[order[r]]], Fixed(scores[order[r]], decimals));
        table.Print(markdown);
        if (explain) PrintExplanation(((ICandidateExplainer)model).ExplainCandidates(u, items), model.Items, markdown);
        return ExitCodes.Ok;
    }

    private static void PrintExplanation(IReadOnlyList<CandidateExplanation> explained, IdMap items, bool markdown)
    {
        var table = new TextTable("features of each candidate: value (source)", ["feature", .. explained.Select(e => items[e.Item])]);
        foreach (var (feature, index) in explained[0].Features.Select((f, i) => (f.Name, i)))
            table.Add([feature, .. explained.Select(e => $"{F(e.Features[index].Value)} ({e.Features[index].Source})")]);
        table.Add(["score", .. explained.Select(e => F(e.Score))]);
        table.Print(markdown);
    }

    /// <summary>
    /// Decimals that show the largest |score| with three significant digits (3 to 8): every score of the list is printed
    /// with them, so the column lines up on the decimal point (mixed "G3" forms printed 0.0199 above -2.94E-14).
    /// </summary>
    internal static int ScoreDecimals(ReadOnlySpan<float> scores)
    {
        var largest = 0f;
        foreach (var s in scores)
            if (float.IsFinite(s)) largest = Math.Max(largest, Math.Abs(s));
        return largest == 0 ? 3 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(largest)), 3, 8);
    }

    /// <summary><paramref name="v"/> with <paramref name="decimals"/> decimals; one that rounds to zero prints unsigned; NaN prints "-".</summary>
    internal static string Fixed(float v, int decimals)
    {
        if (float.IsNaN(v)) return "-";
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return Math.Round((double)v, decimals) == 0 ? 0.0.ToString(format, CultureInfo.InvariantCulture) : v.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string F(float v) => float.IsNaN(v) ? "-" : v.ToString(Math.Abs(v) is > 0 and < 0.1f ? "G3" : "0.###", CultureInfo.InvariantCulture);
}

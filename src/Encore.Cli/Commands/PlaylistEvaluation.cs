using System.Globalization;
using System.Text;
using Encore.Cli.Output;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;
using Encore.Evaluation.Protocols.Playlists;
using Encore.Evaluation.Protocols.SampledNegatives;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore evaluate &lt;dataset&gt; --protocol playlist-challenge | playlist-hide-first</c>: playlists as users, the
/// Million Playlist Dataset challenge's ten categories (R-precision, NDCG, clicks per category and overall) or SPEC S5's
/// hide-the-first-track baseline (hit rate at 100); <c>--protocol sampled-negatives</c>: S5's labelled pairs with 1:1
/// sampled negatives (accuracy and ROC AUC). docs/protocol-playlist-challenge.md, docs/protocol-sampled-negatives.md.
/// </summary>
internal static class PlaylistEvaluation
{
    /// <summary>Models when --models is left at its default: the playlist models and two general ones.</summary>
    public const string DefaultModels = "popularity,playlist-knn,item-knn,lmf,playlist-combined";

    public static bool Handles(string protocol) =>
        protocol.Equals("playlist-challenge", StringComparison.OrdinalIgnoreCase) || protocol.Equals("playlist-hide-first", StringComparison.OrdinalIgnoreCase)
        || protocol.Equals(SampledNegatives, StringComparison.OrdinalIgnoreCase);

    /// <summary>The labelled protocol's name (SPEC S5: held-out pairs with 1:1 sampled negatives; accuracy and ROC AUC).</summary>
    public const string SampledNegatives = "sampled-negatives";

    public static int Run(EvaluateCommand.EvaluateRequest request, CancellationToken ct)
    {
        var challenge = request.Protocol.Equals("playlist-challenge", StringComparison.OrdinalIgnoreCase);
        var names = (request.Models == EvaluateCommand.DefaultModels ? DefaultModels : request.Models)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var settings = EvaluationInputs.ParseSettings(request.Settings);
        var playlists = challenge ? 100 : 1000;
        foreach (var (key, value) in settings.GetValueOrDefault("protocol") ?? [])
        {
            if (!key.Equals("playlists", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"unknown playlist protocol setting '{key}'; use protocol.playlists=N (test playlists per category for playlist-challenge, in all for playlist-hide-first and sampled-negatives).");
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out playlists) || playlists <= 0)
                throw new ArgumentException($"protocol.playlists expects a positive integer, got '{value}'.");
        }
        foreach (var prefix in settings.Keys.Where(p => p is not "protocol"))
            if (!names.Contains(prefix, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--set {prefix}.…: model '{prefix}' is not among the evaluated models ({string.Join(", ", names)}).");
        var candidates = names.Select(name =>
        {
            var (trainer, parameters) = TrainerFactory.CreateAny(name, settings.GetValueOrDefault(name), request.Seed);
            return new ModelCandidate(trainer.ModelName, trainer, parameters);
        }).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var store = StoreOption.Open(request.Store);
        var (dataset, datasetName, hash) = EvaluationInputs.LoadDataset(request.Dataset, ct);
        if (request.Protocol.Equals(SampledNegatives, StringComparison.OrdinalIgnoreCase))
        {
            var labelled = SampledNegativeSplit.Build(dataset.PlaylistInfo, dataset.Tracks.Count, playlists, request.Seed);
            Console.Error.WriteLine($"{datasetName}: {labelled.Label}; {dataset.Playlists.Count:N0} playlists x {dataset.Tracks.Count:N0} tracks, {labelled.Train.NonZeros:N0} training pairs, {labelled.Test.Count:N0} test pairs");
            var scored = SampledNegativeRunner.Run(labelled, dataset.Playlists, dataset.Tracks, candidates, request.Seed, new Line(), ct);
            Console.WriteLine(SampledNegativeTable.Format(scored, $"{datasetName}: {labelled.Label}"));
            Record(store, PlaylistRuns.From(scored, candidates, labelled.Label, datasetName, hash, request.Seed, TimeProvider.System));
            Console.Error.WriteLine($"done in {Numbers.Seconds(clock.Elapsed.TotalSeconds)} s");
            return ExitCodes.Ok;
        }
        var split = challenge
            ? ChallengeSplit.Build(dataset.PlaylistInfo, dataset.Tracks.Count, playlists, request.Seed)
            : HideFirstSplit.Build(dataset.PlaylistInfo, dataset.Tracks.Count, playlists, request.Seed);
        Console.Error.WriteLine($"{datasetName}: {split.Label}; {dataset.Playlists.Count:N0} playlists x {dataset.Tracks.Count:N0} tracks, {split.Train.NonZeros:N0} training pairs, {split.Tests.Count:N0} test playlists");
        var results = ChallengeRunner.Run(split, dataset, candidates, new Line(), ct);
        Console.WriteLine(Tables(results, challenge, $"{datasetName}: {split.Label}", split.CategoryNames));
        Record(store, PlaylistRuns.From(results, candidates, split.Label, datasetName, hash, request.Seed, TimeProvider.System));
        Console.Error.WriteLine($"done in {Numbers.Seconds(clock.Elapsed.TotalSeconds)} s");
        return ExitCodes.Ok;
    }

    private static void Record(Evaluation.Runs.IRunStore store, IReadOnlyList<Evaluation.Runs.ExperimentRun> runs)
    {
        store.Save(runs);
        Console.WriteLine($"recorded {runs.Count} runs in {StoreOption.Describe(store)}");
    }

    /// <summary>One Markdown table per metric: categories (and overall) as rows, models as columns.</summary>
    internal static string Tables(IReadOnlyList<ChallengeModelResult> results, bool challenge, string title, IReadOnlyList<string> categories)
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        var metrics = new List<(string Name, Func<ChallengeScore, double> Value, string Format)>
        {
            ("R-precision (artist credit 0.25)", s => s.RPrecision, "F4"),
            ("NDCG (500)", s => s.Ndcg, "F4"),
            ("recommended-songs clicks (lower is better)", s => s.Clicks, "F2"),
            ("hit rate @100", s => s.HitRate100, "F4"),
        };
        if (!challenge) metrics = [metrics[3], metrics[0], metrics[1], metrics[2]];
        foreach (var (name, value, format) in metrics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}:").AppendLine();
            text.Append("| category | playlists |");
            foreach (var r in results) text.Append(CultureInfo.InvariantCulture, $" {r.Model} |");
            text.AppendLine().Append("|---|---:|");
            foreach (var _ in results) text.Append("---:|");
            text.AppendLine();
            var rows = categories.Append("overall").ToList();
            foreach (var row in rows)
            {
                if (row != "overall" && results[0].Categories.All(c => c.Category != row))
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {row} | 0 |");
                    foreach (var _ in results) text.Append(" - |");
                    text.AppendLine();
                    continue;
                }
                var first = row == "overall" ? results[0].Overall : results[0].Categories.First(c => c.Category == row);
                text.Append(CultureInfo.InvariantCulture, $"| {(row == "overall" ? "**overall**" : row)} | {first.Playlists} |");
                foreach (var r in results)
                {
                    var score = row == "overall" ? r.Overall : r.Categories.First(c => c.Category == row);
                    text.Append(' ').Append(value(score).ToString(format, CultureInfo.InvariantCulture)).Append(" |");
                }
                text.AppendLine();
            }
            text.AppendLine();
        }
        text.Append("fit s:");
        foreach (var r in results) text.Append(CultureInfo.InvariantCulture, $" {r.Model} {r.FitSeconds:F2}");
        return text.ToString();
    }

    private sealed class Line : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}

using System.CommandLine;
using System.Globalization;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Data.Aggregation;
using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Evaluation.Content;
using Encore.Models.Content.Affinity;
using Encore.Models.Training;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore check-pattern &lt;dataset&gt; [--components 250]</c>: does track content predict what users
/// listen to? Trains the affinity classifier on full and PCA-reduced vectors and prints held-out accuracy
/// and ROC AUC with 95% intervals (SPEC S3).
/// </summary>
public static class CheckPatternCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder." };
        var components = new Option<int>("--components") { Description = "PCA components of the reduced run (0 = full vectors only).", DefaultValueFactory = _ => 8 };
        var content = new Option<string>("--content") { Description = $"Which {ContentSourceArgument.Help}.", DefaultValueFactory = _ => "auto" };
        var settings = new Option<string[]>("--set") { Description = "Affinity option key=value (negative-ratio, holdout-fraction, weighting, product-features, l2-regularization ...); repeatable.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the negative sampling and the hold-out split.", DefaultValueFactory = _ => 42UL };
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as GitHub Markdown." };
        var command = new Command("check-pattern", "Does a pattern exist? Affinity classifier accuracy and ROC AUC on full vs PCA-reduced track vectors.")
        {
            dataset, components, content, settings, seed, markdown,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(parse.GetValue(dataset)!, parse.GetValue(components),
            parse.GetValue(content)!, parse.GetValue(settings) ?? [], parse.GetValue(seed), parse.GetValue(markdown), ct))));
        return command;
    }

    internal static int Run(string datasetFolder, int components, string content, string[] settings, ulong seed, bool markdown, CancellationToken ct)
    {
        if (components < 0) throw new ArgumentException($"--components expects a number of PCA components >= 0 (0 = the full vectors only), got {components}.");
        var parsed = TrainerCatalog.ParseSettings(settings);
        parsed.TryAdd("seed", seed.ToString(CultureInfo.InvariantCulture));
        // "Does content predict listening?" is a content-only question: the popularity input stays off unless asked for.
        parsed.TryAdd("popularity-feature", "false");
        var options = ((AffinityTrainer)TrainerCatalog.Create(AffinityModel.Name, parsed)).Options;
        var source = ContentSourceArgument.Parse(content);
        var dataset = DatasetSnapshot.Read(datasetFolder, ct);
        var matrix = InteractionAggregator.Aggregate(dataset, new AggregationOptions());
        var data = ContentFeatures.Attach(dataset, new Models.Contract.TrainingData(matrix.Matrix, matrix.Users, matrix.Items), source);
        if (data.ItemFeatures is null)
            throw new ArgumentException(dataset.ItemLevel != EntityLevel.Track
                ? $"this dataset's events are about {dataset.ItemLevel.ToString().ToLowerInvariant()}s, not tracks, and content vectors belong to tracks: the pattern check needs track events (IUM, PIKI, a synthetic world) with audio features or imported embeddings."
                : "this dataset's tracks carry no content vectors; import embeddings first (`encore import embeddings`).");
        var rows = PatternCheck.Run(data, options, components, ct);
        // PCA to as many components as the vectors have (or more) reduces nothing, so PatternCheck leaves that row out: say so.
        if (components >= data.ItemFeatures.Dimension)
            Console.Error.WriteLine($"note: --components {components} is not below the vectors' {data.ItemFeatures.Dimension} dimensions, so there is no reduced run; give fewer components.");
        var table = new TextTable($"pattern check on {data.UserCount:N0} users x {data.ItemCount:N0} tracks ({data.ItemFeatures.Dimension} raw dimensions, seed {seed})",
            "vectors", "dims", "explained var", "held-out rows", "accuracy", "95% CI", "ROC AUC", "95% CI");
        foreach (var row in rows)
        {
            var r = row.Report;
            table.Add(row.Vectors, row.Dimension.ToString(CultureInfo.InvariantCulture), Numbers.F(row.ExplainedVariance, "0.000"),
                r.Rows.ToString("N0", CultureInfo.InvariantCulture), Numbers.F(r.Accuracy, "0.000"), $"[{Numbers.F(r.AccuracyLow, "0.000")}, {Numbers.F(r.AccuracyHigh, "0.000")}]",
                Numbers.F(r.RocAuc, "0.000"), $"[{Numbers.F(r.RocAucLow, "0.000")}, {Numbers.F(r.RocAucHigh, "0.000")}]");
        }
        table.Print(markdown);
        return ExitCodes.Ok;
    }
}

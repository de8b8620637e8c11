using System.CommandLine;
using System.Globalization;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Data.Snapshots;
using Encore.Evaluation.Content;
using Encore.Models.Files;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore false-negatives &lt;dataset&gt; --model model.bin [--user U] [-k 20] [--weights ...]</c>: tracks
/// labelled "not liked" (skipped / disliked, weighted total ≤ 0) that the model scores highest (SPEC S3).
/// </summary>
public static class FalseNegativesCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset snapshot folder whose events give the labels." };
        var model = new Option<string>("--model") { Description = "Model file (encore train -o).", Required = true };
        var user = new Option<string?>("--user") { Description = "Only this user's pairs (external id); default every user, ranked together by raw score." };
        var k = new Option<int>("-k", "--k") { Description = "Pairs to list.", DefaultValueFactory = _ => 20 };
        var weights = new Option<string?>("--weights") { Description = "Event weights defining the label, kind=weight pairs; kinds with a negative weight are \"not liked\" evidence. Default play=1,like=1,skip=-1,dislike=-1." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as GitHub Markdown." };
        var command = new Command("false-negatives", "Tracks labelled \"not liked\" (skipped / disliked, total <= 0) with the highest predicted value: false-negative discovery.")
        {
            dataset, model, user, k, weights, markdown,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(parse.GetValue(dataset)!, parse.GetValue(model)!,
            IdArgument.Parse(parse.GetValue(user), "--user"), parse.GetValue(k), parse.GetValue(weights), parse.GetValue(markdown), ct))));
        return command;
    }

    internal static int Run(string datasetFolder, string modelFile, string? user, int k, string? weights, bool markdown, CancellationToken ct)
    {
        if (k < 1) throw new ArgumentException($"-k must be at least 1, got {k}.");
        var table = string.IsNullOrWhiteSpace(weights) ? FalseNegativeFinder.DefaultWeights : EventWeightsArgument.Parse(weights);
        var recommender = ModelLoader.Load(CommandLinePath.Existing(modelFile, "--model"));
        var data = DatasetSnapshot.Read(datasetFolder, ct);
        var report = FalseNegativeFinder.Find(data, recommender, table, user, k);
        var labels = new ItemLabels(data, recommender.Items, datasetFolder);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{recommender.ModelName}: top {report.Pairs.Count} of {report.Labelled:N0} \"not liked\" pairs{(user is null ? "" : $" of user {user}")} by predicted value ({report.Unscored:N0} not scorable: user or track unknown to the model)");
        var output = new TextTable(title, "rank", "user", "track", "title", "score", "total", "negative events");
        for (var r = 0; r < report.Pairs.Count; r++)
        {
            var p = report.Pairs[r];
            output.Add((r + 1).ToString(CultureInfo.InvariantCulture), p.User, p.Track, labels.Of(p.Track), Numbers.F(p.Score, "0.0000"),
                Numbers.F(p.Total, "0.##"), p.NegativeEvents.ToString(CultureInfo.InvariantCulture));
        }
        output.Print(markdown);
        // An empty table alone does not say why: nothing could be scored, as with a model of another dataset.
        if (report.Labelled > 0 && report.Unscored == report.Labelled)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: none of the {report.Labelled:N0} \"not liked\" pairs can be scored: their users or tracks are unknown to {modelFile} (was it trained on another dataset than {datasetFolder}?)."));
        return ExitCodes.Ok;
    }
}

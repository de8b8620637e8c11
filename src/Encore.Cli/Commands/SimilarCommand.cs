using System.CommandLine;
using Encore.Cli.Arguments;
using Encore.Cli.Output;
using Encore.Core.Files;
using Encore.Core.Ids;
using Encore.Data.Snapshots;
using Encore.Models.ColdStart;
using Encore.Models.Contract;
using Encore.Models.Files;
using Encore.Models.Training;

namespace Encore.Cli.Commands;

/// <summary><c>encore similar model.bin --track ID</c>: the items nearest to one item, for models that have item similarities.</summary>
public static class SimilarCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = $"Model file written by encore train ({string.Join(", ", TrainerCatalog.SimilarItemModels)})." };
        var track = new Option<string>("--track", "-t") { Description = "Item id to find neighbours of.", Required = true };
        var k = new Option<int>("--k", "-k") { Description = "How many items.", DefaultValueFactory = _ => 10 };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset snapshot to show titles from." };
        var command = new Command("similar", "List the items most similar to an item (models with item similarities).") { model, track, k, dataset };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(() => Task.FromResult(Run(
            parse.GetValue(model)!, IdArgument.Parse(parse.GetValue(track), "--track")!, parse.GetValue(k), parse.GetValue(dataset)))));
        return command;
    }

    internal static int Run(string modelPath, string track, int k, string? datasetPath)
    {
        if (k <= 0) throw new ArgumentException($"--k must be at least 1, got {k}.");
        var model = ModelLoader.Load(CommandLinePath.Existing(modelPath, "<model>"));
        if (model is not ISimilarItems similar)
            throw new ArgumentException($"the {model.ModelName} model has no item similarities; use a model trained with {string.Join(", ", TrainerCatalog.SimilarItemModels)}.");
        if (!model.Items.TryGetTrackIndex(track, out var item))
            throw new ArgumentException($"item '{track}' is not in the model ({model.Items.Count:N0} items), so it has no neighbours; the model never saw it in training.");
        var labels = new ItemLabels(datasetPath is null ? null : DatasetSnapshot.Read(CommandLinePath.Existing(datasetPath, "--dataset")), model.Items, datasetPath);
        _ = similar;
        var answer = new ColdStartRecommender(model).SimilarItems(item, k);
        var title = labels.HasLabels && labels.Of(track) is { Length: > 0 } name ? $"{track} ({name})" : track;
        RecommendationPrinter.PrintItems($"items similar to {title} ({model.ModelName})", answer.Items, answer.Scores, labels,
            $"'{track}' has no neighbours in this model (no other item shares its listeners).");
        if (answer.ItemWithoutSignal)
            Console.WriteLine($"path: popularity ('{track}' has no positive signal in training, so it has no neighbours; the most popular items)");
        else if (answer.ItemWithoutNeighbours)
            Console.WriteLine($"path: popularity ({model.ModelName} gives '{track}' no neighbour: no other item shares its listeners, or the model left it out; the most popular items)");
        return ExitCodes.Ok;
    }
}

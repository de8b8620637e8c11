using System.Globalization;
using Encore.Core.Ids;
using Encore.Core.Interactions;
using Encore.Core.Sparse;
using Encore.Data.Aggregation;
using Encore.Data.Import;
using Encore.Data.Import.Table;
using Encore.Data.Model;

namespace Encore.Evaluation.Protocols;

/// <summary>
/// A split given as files (the PEERS.md benchmark folders): train.tsv and test.tsv (optionally .gz) with a
/// header <c>user item value</c>, read strictly by the table importer. Users and items are numbered train
/// first, then test; the ranking universe is every item of either file. Train values are summed per pair.
/// The dataset only supplies the catalogue (artists, genres) for items whose id it knows. A test pair is relevant when
/// its value is at least the protocol's threshold (ratings below it are held out but not relevant).
/// </summary>
internal static class GivenPreparation
{
    public static PreparedProtocol Prepare(MusicDataset dataset, ProtocolOptions options, CancellationToken ct)
    {
        var folder = options.GivenFolder ?? throw new ArgumentException("the given protocol needs a folder (given:<folder>).");
        var trainFile = Find(folder, "train");
        var testFile = Find(folder, "test");
        var train = Import(trainFile, ct);
        var test = Import(testFile, ct);

        var users = new IdMap();
        var items = new IdMap();
        foreach (var id in train.Users.Ids) users.GetOrAdd(id);
        foreach (var id in test.Users.Ids) users.GetOrAdd(id);
        foreach (var id in train.Items.Ids) items.GetOrAdd(id);
        foreach (var id in test.Items.Ids) items.GetOrAdd(id);
        var rawTrain = ToMatrix(train, users, items, options.Aggregation);
        var (resolved, trainMatrix, choice) = ConfidenceStep.Apply(options, rawTrain);
        options = resolved;
        var testMatrix = ToMatrix(test, users, items, options.Aggregation);
        var catalogue = ItemCatalogue.From(dataset, items.Count, i => dataset.Items.IndexOf(items[i]));

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var label = string.Create(CultureInfo.InvariantCulture, $"given:{name}");
        var interactions = new InteractionMatrix(trainMatrix, users, items);
        if (options.Target == EvaluationTarget.Validation)
            return HoldoutPreparation.ValidationFromTrain(interactions, rawTrain, options,
                string.Create(CultureInfo.InvariantCulture, $"{label} train, holdout-{options.EffectiveTestFraction} seed {options.EffectiveValidationSeed}"), catalogue, choice);
        return HoldoutPreparation.Build(interactions, rawTrain, testMatrix, options, $"{label}, test", catalogue, choice);
    }

    private static string Find(string folder, string name)
    {
        foreach (var candidate in new[] { $"{name}.tsv", $"{name}.tsv.gz" })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{Path.Combine(folder, name + ".tsv")}: not found; a given split folder holds train.tsv and test.tsv (or .tsv.gz).");
    }

    private static MusicDataset Import(string file, CancellationToken ct)
    {
        var options = new ImportOptions
        {
            Mode = ErrorMode.Strict,
            Settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["user"] = "user",
                ["item"] = "item",
                ["value"] = "value",
                ["delimiter"] = "tab",
            },
        };
        return new TableImporter().Import([file], options, new ImportReport(ErrorMode.Strict), null, ct);
    }

    // Re-numbers a file's dense ids into the shared maps, then aggregates as any event log.
    private static CsrMatrix ToMatrix(MusicDataset part, IdMap users, IdMap items, AggregationOptions aggregation)
    {
        var userOf = new int[part.Users.Count];
        for (var u = 0; u < userOf.Length; u++) userOf[u] = users.IndexOf(part.Users[u]);
        var itemOf = new int[part.Items.Count];
        for (var i = 0; i < itemOf.Length; i++) itemOf[i] = items.IndexOf(part.Items[i]);
        var events = part.Events;
        var remapped = new EventTableBuilder(events.Count);
        for (var r = 0; r < events.Count; r++)
            remapped.Add(userOf[events.Users[r]], itemOf[events.Items[r]], events.Kinds[r], events.Timestamps[r], events.Sessions[r], events.Values[r]);
        return InteractionAggregator.AggregateScores(remapped.Build(), users.Count, items.Count, aggregation);
    }
}

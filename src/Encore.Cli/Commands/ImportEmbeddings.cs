using System.Globalization;
using Encore.Data.Content;
using Encore.Data.Snapshots;

namespace Encore.Cli.Commands;

/// <summary>
/// <c>encore import embeddings &lt;vectors&gt; [&lt;id-list&gt;] --dataset &lt;snapshot&gt; -o &lt;out&gt;</c>: puts track
/// vectors (CSV / TSV / Parquet, or NPY plus an id list) into a snapshot's embedding column and writes the
/// result as a new snapshot (the output may be the input folder: the write is atomic).
/// </summary>
internal static class ImportEmbeddings
{
    public const string Format = "embeddings";

    public const string Description = "track vectors (.csv/.tsv/.parquet, or .npy + id list) into --dataset's embedding column; --set id=<column>";

    public static int Run(string[] paths, string? datasetFolder, string output, Dictionary<string, string> settings, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(datasetFolder))
            throw new ArgumentException("import embeddings needs --dataset <snapshot>: the dataset whose tracks receive the vectors.");
        if (paths.Length > 2) throw new ArgumentException($"import embeddings takes a vector file and, for .npy, an id list; got {paths.Length} paths.");
        foreach (var key in settings.Keys)
            if (!string.Equals(key, "id", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"unknown embeddings setting '{key}'; the only setting is id=<column name>.");
        Encore.Core.Files.CommandLinePath.AllExisting(paths, "<paths>");
        var vectors = TrackVectorReader.Read(paths[0], paths.Length > 1 ? paths[1] : null, settings.GetValueOrDefault("id"));
        var dataset = DatasetSnapshot.Read(Encore.Core.Files.CommandLinePath.Existing(datasetFolder, "--dataset"), ct);
        var (result, report) = EmbeddingAttacher.Attach(dataset, vectors);
        if (report.Matched == 0)
            throw new Core.Errors.DataFormatException(paths[0], 0, "id", $"none of the {report.Vectors:N0} ids is a track of {datasetFolder} (e.g. '{vectors.Ids[0]}').");
        var manifest = DatasetSnapshot.Write(result, output, TimeProvider.System, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Vectors:N0} vectors of {report.Dimension} dimensions: {report.Matched:N0} tracks matched, {report.UnknownIds:N0} unknown ids skipped, {report.DuplicateIds:N0} repeated ids (last kept), {report.TracksWithout:N0} tracks without a vector"));
        Console.WriteLine($"wrote {Path.GetFullPath(output)} (content hash {manifest.ContentHash[..16]})");
        return ExitCodes.Ok;
    }
}

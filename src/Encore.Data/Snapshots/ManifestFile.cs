using System.Text.Json;
using Encore.Core.Errors;
using Encore.Core.Files;

namespace Encore.Data.Snapshots;

/// <summary>Reads and writes <c>manifest.json</c> (indented, camelCase) and checks it is one we can read.</summary>
internal static class ManifestFile
{
    public const string Name = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
    };

    public static byte[] Serialize(SnapshotManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, Options);

    // Say what the path is instead, and the command that makes a snapshot of it (a newcomer's usual slip).
    private static string NotASnapshot(string folder) =>
        File.Exists(folder) ? $"not an Encore dataset snapshot: {folder}: is a file, not a snapshot folder; import it first (`encore import <format> {ShellWord.Quote(folder)} -o <dataset>`)."
        : !Directory.Exists(folder) ? $"{folder}: dataset snapshot folder not found; make one with `encore import <format> <paths> -o {ShellWord.Quote(folder)}` or `encore synth -o {ShellWord.Quote(folder)}`."
        : $"not an Encore dataset snapshot: {folder}: {Name} missing; a source data folder must be imported first (`encore import <format> {ShellWord.Quote(folder)} -o <dataset>`).";

    public static SnapshotManifest Load(string folder)
    {
        var path = Path.Combine(folder, Name);
        // A folder that is not there is a mistyped path (exit 1); one that is there but holds no manifest is not a snapshot (exit 3).
        if (!File.Exists(folder) && !Directory.Exists(folder)) throw new DirectoryNotFoundException(NotASnapshot(folder));
        if (!File.Exists(path)) throw new ModelFormatException(NotASnapshot(folder));
        SnapshotManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{path}: {Describe(ex)}; the manifest is damaged (re-import the dataset).", ex);
        }
        if (manifest is null || manifest.Format != SnapshotManifest.FormatName)
            throw new ModelFormatException($"not an Encore dataset snapshot: {path}: field 'format' is not '{SnapshotManifest.FormatName}'.");
        if (manifest.SchemaVersion > SnapshotManifest.CurrentSchemaVersion)
            throw new ModelFormatException(
                $"{path}: snapshot schema version {manifest.SchemaVersion} is newer than the newest this build reads " +
                $"({SnapshotManifest.CurrentSchemaVersion}); upgrade Encore to read it.");
        if (manifest.SchemaVersion < 1)
            throw new ModelFormatException($"{path}: field 'schemaVersion' must be >= 1 (got {manifest.SchemaVersion}).");
        foreach (var table in SnapshotTables.All)
            if (manifest.Find(table) is null)
                throw new ModelFormatException($"{path}: table '{table}' is not listed in field 'tables'.");
        return manifest;
    }

    // The serializer's own text names .NET types ("System.Int32"); say which field and where instead.
    private static string Describe(JsonException ex)
    {
        var where = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
        return ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? $"field '{ex.Path}' holds a value of the wrong type or out of range ({where})"
            : $"not valid JSON ({where})";
    }
}

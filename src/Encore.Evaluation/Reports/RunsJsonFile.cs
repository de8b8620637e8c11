using System.Text.Json;
using System.Text.Json.Serialization;
using Encore.Core.Errors;
using Encore.Evaluation.Runs;

namespace Encore.Evaluation.Reports;

/// <summary>
/// Runs as a JSON array (System.Text.Json, camelCase, NaN allowed as "NaN"): lets a report be built from
/// runs exported elsewhere, and tests hand-write runs without a run store.
/// </summary>
public static class RunsJsonFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectNullableAnnotations = true,
        WriteIndented = true,
    };

    public static void Write(IReadOnlyList<ExperimentRun> runs, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, runs, Options);
    }

    /// <summary>Reads the runs; a malformed file raises a <see cref="DataFormatException"/> naming line and field.</summary>
    public static IReadOnlyList<ExperimentRun> Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<List<ExperimentRun>>(stream, Options)
                ?? throw new DataFormatException(path, 0, "", "expected a JSON array of runs, found null");
        }
        catch (JsonException ex)
        {
            throw new DataFormatException(path, (ex.LineNumber ?? -1) + 1, ex.Path ?? "",
                $"expected a JSON array of experiment runs ({ex.Message})", ex);
        }
    }
}

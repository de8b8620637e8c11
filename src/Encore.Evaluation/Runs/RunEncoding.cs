using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Encore.Evaluation.Runs;

/// <summary>
/// How run fields become columns: dictionaries as JSON text (readable in any SQLite shell), per-user arrays as
/// little-endian binary blobs (one blob per metric instead of one row per user and metric: 50x fewer rows).
/// </summary>
internal static class RunEncoding
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string ToJson(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values, Json);

    public static string ToJson(IReadOnlyDictionary<string, double> values) => JsonSerializer.Serialize(values, Json);

    public static string ToJson(IReadOnlyDictionary<string, MetricInterval> values) =>
        JsonSerializer.Serialize(values.ToDictionary(v => v.Key, v => new[] { v.Value.Low, v.Value.High }, StringComparer.Ordinal), Json);

    public static Dictionary<string, string> Strings(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];

    public static Dictionary<string, double> Numbers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(json, Json) ?? [];

    public static Dictionary<string, MetricInterval> Intervals(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, double[]>>(json, Json) ?? [];
        var result = new Dictionary<string, MetricInterval>(raw.Count, StringComparer.Ordinal);
        foreach (var (metric, pair) in raw) result[metric] = new MetricInterval(pair[0], pair[1]);
        return result;
    }

    public static byte[] ToBlob(int[] values)
    {
        var bytes = new byte[values.Length * sizeof(int)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), values[i]);
        return bytes;
    }

    public static byte[] ToBlob(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return bytes;
    }

    public static int[] Int32s(byte[] blob)
    {
        var values = new int[blob.Length / sizeof(int)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(i * sizeof(int)));
        return values;
    }

    public static double[] Doubles(byte[] blob)
    {
        var values = new double[blob.Length / sizeof(double)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(i * sizeof(double)));
        return values;
    }
}

using System.Globalization;
using System.Text;
using Encore.Core.Randomness;
using Encore.Data.Import;

namespace Encore.Benchmarks.Data;

/// <summary>Writes synthetic import inputs: a CSV interaction table and an IUM-style session log folder.</summary>
internal static class ImportFiles
{
    /// <summary>The table importer's settings for <see cref="WriteCsv"/>'s columns (epoch seconds).</summary>
    public static ImportOptions CsvOptions() => new()
    {
        Settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["user"] = "user",
            ["item"] = "item",
            ["value"] = "value",
            ["time"] = "timestamp",
            ["time-unit"] = "s",
        },
    };

    public static void WriteCsv(string path, int events, int users, int items, ulong seed = 1)
    {
        var rng = new Rng(seed);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("user,item,value,timestamp\n");
        for (var i = 0; i < events; i++)
            w.Write(string.Create(CultureInfo.InvariantCulture, $"u{rng.NextInt(users)},t{rng.NextInt(items)},{1 + rng.NextInt(20)},{1_600_000_000 + i}\n"));
    }

    /// <summary>users.jsonl, tracks.jsonl (ids only), artists.jsonl and sessions.jsonl with <paramref name="events"/> lines.</summary>
    public static void WriteIum(string folder, int events, int users, int tracks, ulong seed = 1)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "users.jsonl"), Enumerable.Range(0, users).Select(u =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"user_id\": {u}, \"name\": \"n\", \"city\": \"c\", \"street\": \"s\", \"favourite_genres\": [\"pop\"], \"premium_user\": false}}")));
        File.WriteAllLines(Path.Combine(folder, "artists.jsonl"), ["{\"id\": \"a0\", \"name\": \"A\", \"genres\": [\"pop\"]}"]);
        File.WriteAllLines(Path.Combine(folder, "tracks.jsonl"), Enumerable.Range(0, tracks).Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{{\"id\": \"track{t:D16}\", \"name\": \"T\", \"popularity\": 50, \"duration_ms\": 200000, \"explicit\": 0, \"id_artist\": \"a0\", \"release_date\": \"2015-06-26\", \"danceability\": 0.5, \"energy\": 0.5, \"key\": 1, \"loudness\": -6.5, \"speechiness\": 0.04, \"acousticness\": 0.2, \"instrumentalness\": 0.0, \"liveness\": 0.1, \"valence\": 0.7, \"tempo\": 120.0}}")));
        var rng = new Rng(seed);
        string[] kinds = ["play", "play", "play", "skip", "like"];
        using var w = new StreamWriter(Path.Combine(folder, "sessions.jsonl"), false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < events; i++)
        {
            var second = i % 60;
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{{\"session_id\": {i / 20}, \"timestamp\": \"2023-10-26T06:{i / 60 % 60:D2}:{second:D2}.159000\", \"user_id\": {rng.NextInt(users)}, \"track_id\": \"track{rng.NextInt(tracks):D16}\", \"event_type\": \"{kinds[rng.NextInt(kinds.Length)]}\"}}\n"));
        }
    }
}

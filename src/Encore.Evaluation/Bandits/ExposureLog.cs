using System.Globalization;
using Encore.Core.Errors;

namespace Encore.Evaluation.Bandits;

/// <summary>
/// A logged exposure file of a uniformly random logging policy, read in file order. Two shapes:
/// <list type="bullet">
/// <item><see cref="ExposureLogFormat.YahooR3"/>: <c>user, song, rating</c> (Yahoo! R3's test part: each survey user
/// rated 10 songs drawn at random; tab-separated, or comma-separated for <c>.csv</c>; an optional header line).
/// The value is the rating.</item>
/// <item><see cref="ExposureLogFormat.Piki"/>: the PIKI CSV (header with <c>user_id, song_id, liked, personalized</c>);
/// only rows with <c>personalized = 0</c> (songs shown at random) are kept. The value is <c>liked</c> (0, 1, 2).</item>
/// </list>
/// Ids are kept as text; values must be finite numbers. Errors name the file, line and field.
/// </summary>
public sealed class ExposureLog
{
    private ExposureLog(string path, ExposureLogFormat format, ExposureRow[] rows, long skipped)
    {
        Path = path;
        Format = format;
        Rows = rows;
        SkippedRows = skipped;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The shape it was read as.</summary>
    public ExposureLogFormat Format { get; }

    /// <summary>Exposures in file order.</summary>
    public IReadOnlyList<ExposureRow> Rows { get; }

    /// <summary>Rows left out on purpose (PIKI: personalized = 1).</summary>
    public long SkippedRows { get; }

    /// <summary>The default reward threshold: value ≥ 4 of 5 (R3), liked ≥ 1 (PIKI).</summary>
    public double DefaultThreshold => Format == ExposureLogFormat.Piki ? 1 : 4;

    /// <summary>Reads <paramref name="path"/>; <see cref="ExposureLogFormat.Auto"/> picks PIKI when the first line names a <c>personalized</c> column.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="DataFormatException">A malformed row (file, line, field and what was expected), or no rows.</exception>
    public static ExposureLog Read(string path, ExposureLogFormat format = ExposureLogFormat.Auto)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"exposure log '{path}' does not exist.", path);
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) throw new DataFormatException(path, 1, "(file)", "the log is empty; expected user, song, rating rows.");
        var first = lines.Current;
        if (format == ExposureLogFormat.Auto)
            format = first.Contains("personalized", StringComparison.OrdinalIgnoreCase) ? ExposureLogFormat.Piki : ExposureLogFormat.YahooR3;
        var rows = new List<ExposureRow>();
        long skipped = 0;
        if (format == ExposureLogFormat.Piki)
        {
            var header = first.Split(',').Select(h => h.Trim()).ToList();
            int Column(string name)
            {
                var i = header.FindIndex(h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
                return i >= 0 ? i : throw new DataFormatException(path, 1, name, $"required column not found; expected a PIKI header with user_id, song_id, liked, personalized; found: {string.Join(", ", header)}.");
            }
            int user = Column("user_id"), song = Column("song_id"), liked = Column("liked"), personalized = Column("personalized");
            var width = new[] { user, song, liked, personalized }.Max() + 1;
            long line = 1;
            while (lines.MoveNext())
            {
                line++;
                if (lines.Current.Length == 0) continue;
                var f = lines.Current.Split(',');
                if (f.Length < width) throw ShortRow(path, line, $"expected at least {width} comma-separated fields, got {f.Length}",
                    f.Length, [(user, "user_id"), (song, "song_id"), (liked, "liked"), (personalized, "personalized")]);
                var shown = Number(path, line, "personalized", f[personalized]);
                if (shown != 0) { skipped++; continue; }
                rows.Add(new ExposureRow(Id(path, line, "user_id", f[user]), Id(path, line, "song_id", f[song]), Number(path, line, "liked", f[liked]), line));
            }
        }
        else
        {
            var separator = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ',' : '\t';
            long line = 0;
            var current = first;
            do
            {
                line++;
                if (current.Length == 0) continue;
                var f = current.Split(separator);
                var expected = $"expected 3 {(separator == '\t' ? "tab" : "comma")}-separated fields (user, song, rating), got {f.Length}";
                if (f.Length > 3) throw new DataFormatException(path, line, "(row)", expected + ".");
                if (f.Length < 3) throw ShortRow(path, line, expected, f.Length, [(0, "user"), (1, "song"), (2, "rating")]);
                if (line == 1 && !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue; // header line
                rows.Add(new ExposureRow(Id(path, line, "user", f[0]), Id(path, line, "song", f[1]), Number(path, line, "rating", f[2]), line));
            }
            while (lines.MoveNext() && (current = lines.Current) is not null);
        }
        if (rows.Count == 0) throw new DataFormatException(path, 1, "(file)", $"no exposure rows{(skipped > 0 ? $" ({skipped} personalized rows skipped; only personalized = 0 rows were shown at random)" : "")}.");
        return new ExposureLog(path, format, [.. rows], skipped);
    }

    // A short row names every column it lacks (with its field position), not only the first.
    private static DataFormatException ShortRow(string path, long line, string expected, int found, (int At, string Name)[] columns)
    {
        var missing = string.Join(", ", columns.Where(c => c.At >= found).OrderBy(c => c.At).Select(c => $"{c.Name} (field {c.At + 1})"));
        return new DataFormatException(path, line, missing, $"{expected}; missing: {missing}.");
    }

    private static string Id(string path, long line, string field, string text)
    {
        var id = text.Trim();
        if (id.Length == 0) throw new DataFormatException(path, line, field, "expected an id, got an empty field.");
        if (id.Any(char.IsControl)) throw new DataFormatException(path, line, field, "the id contains a control character.");
        return id;
    }

    private static double Number(string path, long line, string field, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new DataFormatException(path, line, field, $"expected a number, got '{Shown(text)}'.");

    private static string Shown(string text) => new([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
}

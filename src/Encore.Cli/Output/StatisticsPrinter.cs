using System.Globalization;
using Encore.Data.Model;
using Encore.Data.Statistics;
using Spectre.Console;

namespace Encore.Cli.Output;

/// <summary>Prints <see cref="DatasetStatistics"/> as three tables: counts, events, distributions.</summary>
public static class StatisticsPrinter
{
    public static void Print(DatasetStatistics stats, string title)
    {
        var c = stats.Counts;
        // The title (a dataset path, often longer than this two-column table) on its own line: a table title wraps to the table.
        var counts = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, value) in new (string, long)[]
        {
            ("users", c.Users), ("tracks", c.Tracks), ("artists", c.Artists), ("albums", c.Albums), ("genres", c.Genres),
            ("playlists", c.Playlists), ("events", c.Events), ("ratings", c.Ratings), ("tags", c.Tags),
            ("tag assignments", c.TagAssignments), ("friendships", c.Friendships), ("candidates", c.Candidates),
        })
            counts.AddRow(name, value.ToString("N0", CultureInfo.InvariantCulture));
        CurrentConsole.Create().Write(new Rows(new Text(title), counts));

        var events = new Table().Title("events").AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        events.AddRow("item level", stats.ItemLevel.ToString().ToLowerInvariant());
        events.AddRow("users with events", $"{stats.UsersWithEvents:N0}");
        events.AddRow("items with events", $"{stats.ItemsWithEvents:N0}");
        events.AddRow("distinct (user, item) pairs", $"{stats.DistinctPairs:N0}");
        events.AddRow("density", stats.Density.ToString("0.000000", CultureInfo.InvariantCulture));
        events.AddRow("time range", TimeRange(stats.FirstEventMs, stats.LastEventMs));
        foreach (var (kind, n) in stats.EventsPerKind.OrderBy(k => k.Key)) events.AddRow($"kind: {EventKindText.Name(kind)}", $"{n:N0}");
        CurrentConsole.Create().Write(events);

        var dist = new Table().Title("distributions").AddColumn("of");
        foreach (var h in new[] { "n", "min", "p25", "median", "p75", "p95", "max", "mean" }) dist.AddColumn(new TableColumn(h).RightAligned());
        AddDistribution(dist, "events per user", stats.EventsPerUser);
        AddDistribution(dist, "events per item", stats.EventsPerItem);
        AddDistribution(dist, "event value", stats.EventValues);
        AddDistribution(dist, "rating value", stats.RatingValues);
        AddDistribution(dist, "playlist length", stats.PlaylistLengths);
        CurrentConsole.Create().Write(dist);
    }

    private static void AddDistribution(Table table, string name, Distribution d)
    {
        if (d.Count == 0) return;
        table.AddRow(name, $"{d.Count:N0}", F(d.Min), F(d.P25), F(d.Median), F(d.P75), F(d.P95), F(d.Max), F(d.Mean));
    }

    private static string F(double v) => v.ToString(Math.Abs(v) >= 1000 ? "N0" : "0.##", CultureInfo.InvariantCulture);

    private static string TimeRange(long? first, long? last) => first is null || last is null
        ? "no timestamps"
        : $"{DateTimeOffset.FromUnixTimeMilliseconds(first.Value):yyyy-MM-dd HH:mm:ss} .. {DateTimeOffset.FromUnixTimeMilliseconds(last.Value):yyyy-MM-dd HH:mm:ss} UTC";
}

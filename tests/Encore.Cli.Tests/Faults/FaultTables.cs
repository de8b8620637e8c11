namespace Encore.Cli.Tests.Faults;

/// <summary>The small tables the fault tests import: a CSV written to a folder, then <c>encore import table</c>.</summary>
internal static class FaultTables
{
    /// <summary>Writes <paramref name="dir"/>/<paramref name="name"/>.csv and imports it with the column mapping; returns the snapshot folder.</summary>
    public static async Task<string> ImportAsync(string dir, string name, List<string> lines, params string[] mapping)
    {
        var csv = Path.Combine(dir, name + ".csv");
        await File.WriteAllLinesAsync(csv, lines);
        var dataset = Path.Combine(dir, name);
        Assert.Equal(ExitCodes.Ok, (await ConsoleCapture.RunAsync(["import", "table", csv, "-o", dataset, .. mapping.SelectMany(m => new[] { "--set", m })])).Code);
        return dataset;
    }

    /// <summary>A plain user,item table: 12 users over 8 tracks, no content vectors, no friendships.</summary>
    public static List<string> Plain()
    {
        var lines = new List<string> { "user,item" };
        for (var u = 0; u < 12; u++)
            for (var i = 0; i < 8; i++)
                if ((u + i) % 3 != 0) lines.Add($"u{u},t{(i + u) % 8}");
        return lines;
    }
}

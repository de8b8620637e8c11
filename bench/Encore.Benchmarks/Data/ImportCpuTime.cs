using System.Diagnostics;
using System.Globalization;
using Encore.Data.Import;
using Encore.Data.Import.Table;

namespace Encore.Benchmarks.Data;

/// <summary>
/// Thread CPU time of one CSV table import (the importer reads on the calling thread), so time stolen by other
/// processes on a loaded machine does not count: writes a user,item,value,timestamp file of <c>events</c> rows
/// (<c>users</c> x <c>items</c> string ids, the shape of docs/import-table.md's throughput figure), imports it once
/// to warm the JIT, then <c>repeats</c> times, and prints each run's thread CPU and wall time and events per CPU
/// second. Run: dotnet run -c Release --project bench/Encore.Benchmarks -- import-cpu [events] [users] [items] [repeats]
/// </summary>
internal static class ImportCpuTime
{
    public static void Run(int events, int users, int items, int repeats)
    {
        var dir = Directory.CreateTempSubdirectory("encore-import-cpu-").FullName;
        try
        {
            var path = Path.Combine(dir, "plays.csv");
            ImportFiles.WriteCsv(path, events, users, items);
            var options = ImportFiles.CsvOptions();
            Import(path, options); // JIT warm-up
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"table import of {events:N0} rows ({users:N0} users x {items:N0} items): thread CPU s, wall s, M events per CPU s"));
            var cpus = new List<double>();
            for (var r = 0; r < repeats; r++)
            {
                GC.Collect();
                var wall = Stopwatch.StartNew();
                var cpu0 = ThreadCpuClock.Nanoseconds();
                var count = Import(path, options);
                var cpu = (ThreadCpuClock.Nanoseconds() - cpu0) * 1e-9;
                cpus.Add(cpu);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {r + 1}: {cpu:F3} CPU s, {wall.Elapsed.TotalSeconds:F3} wall s, {count / cpu / 1e6:F2} M events/CPU s"));
            }
            cpus.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {cpus[cpus.Count / 2]:F3} CPU s = {events / cpus[cpus.Count / 2] / 1e6:F2} M events/CPU s"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int Import(string path, ImportOptions options) =>
        new TableImporter().Import([path], options, new ImportReport()).Events.Count;
}

using System.Globalization;
using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Import.Table;
using Encore.Data.Model;

namespace Encore.Benchmarks.Data;

/// <summary>
/// Peak memory of one whole import (parse, id maps, cleaning, event columns) relative to the final event
/// arrays, in a fresh process. Run: dotnet run -c Release --project bench/Encore.Benchmarks -- peak-import csv|jsonl [events]
/// </summary>
internal static class ImportPeakMemory
{
    public static void Run(string format, int events)
    {
        var dir = Directory.CreateTempSubdirectory("encore-import-peak-").FullName;
        try
        {
            if (format == "csv") ImportFiles.WriteCsv(Path.Combine(dir, "plays.csv"), events, 100_000, 50_000);
            else ImportFiles.WriteIum(Path.Combine(dir, "ium"), events, 10_000, 50_000);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var rssBefore = ProcessMemory.ReadStatusKiB("VmRSS");
            var reset = ProcessMemory.TryResetHighWaterMark();

            var dataset = format == "csv" ? ImportCsv(dir) : new IumImporter().Import([Path.Combine(dir, "ium")], new ImportOptions(), new ImportReport());

            var hwm = ProcessMemory.ReadStatusKiB("VmHWM");
            var e = dataset.Events;
            // users, items (int), kind (byte), timestamp, session (long), value (float) per event
            var finalBytes = e.Count * (4L + 4 + 1 + 8 + 8 + 4);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Format(inv, "{0}: {1:N0} events, final event arrays {2:N1} MiB", format, e.Count, finalBytes / 1048576.0));
            if (reset)
            {
                var growth = (hwm - rssBefore) * 1024L;
                Console.WriteLine(string.Format(inv, "RSS peak growth {0:N1} MiB = {1:N2} x final event arrays (includes id maps and the runtime's own growth)", growth / 1048576.0, (double)growth / finalBytes));
            }
            GC.KeepAlive(dataset);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static MusicDataset ImportCsv(string dir) => new TableImporter().Import([Path.Combine(dir, "plays.csv")], ImportFiles.CsvOptions(), new ImportReport());
}

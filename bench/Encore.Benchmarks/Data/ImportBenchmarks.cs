using BenchmarkDotNet.Attributes;
using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Data.Import.Table;

namespace Encore.Benchmarks.Data;

/// <summary>
/// Import throughput of the CSV table importer and the JSONL session-log importer on synthetic files.
/// Events/s = Events / mean time. Run: dotnet run -c Release --project bench/Encore.Benchmarks -- --filter '*Import*'
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _dir = "";

    [Params(10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("encore-import-bench-").FullName;
        ImportFiles.WriteCsv(Path.Combine(_dir, "plays.csv"), Events, users: 100_000, items: 50_000);
        ImportFiles.WriteIum(Path.Combine(_dir, "ium"), Events, users: 10_000, tracks: 50_000);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public int Csv() =>
        new TableImporter().Import([Path.Combine(_dir, "plays.csv")], ImportFiles.CsvOptions(), new ImportReport()).Events.Count;

    [Benchmark]
    public int Jsonl() =>
        new IumImporter().Import([Path.Combine(_dir, "ium")], new ImportOptions(), new ImportReport()).Events.Count;
}

using System.Globalization;
using BenchmarkDotNet.Running;
using Encore.Benchmarks.Core;

// Run with: dotnet run -c Release --project bench/Encore.Benchmarks -- --filter '*'
// Peak memory of a CSR build: dotnet run -c Release --project bench/Encore.Benchmarks -- peak-csr [triples]
if (args.Length > 0 && args[0] == "peak-csr")
{
    CsrPeakMemory.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000);
    return;
}
// Peak memory of a whole import: ... -- peak-import csv|jsonl [events]
if (args.Length > 1 && args[0] == "peak-import")
{
    Encore.Benchmarks.Data.ImportPeakMemory.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000_000);
    return;
}
// Thread CPU time of a CSV table import: ... -- import-cpu [events] [users] [items] [repeats]
if (args.Length > 0 && args[0] == "import-cpu")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    Encore.Benchmarks.Data.ImportCpuTime.Run(Arg(1, 2_000_000), Arg(2, 50_000), Arg(3, 20_000), Arg(4, 5));
    return;
}
// Thread CPU time per online bandit round: ... -- bandit-cpu [candidates] [dimension]
if (args.Length > 0 && args[0] == "bandit-cpu")
{
    Encore.Benchmarks.Bandits.BanditCpuTime.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using System.Globalization;
using BenchmarkDotNet.Running;
using Encore.Bench.Service;

// In-process top-10 (BenchmarkDotNet): dotnet run -c Release --project bench/Encore.Bench.Service -- topk [BenchmarkDotNet args]
// HTTP load on loopback:            dotnet run -c Release --project bench/Encore.Bench.Service -- load [concurrency] [seconds] [tracks] [factors]
// Bytes allocated per HTTP request:  dotnet run -c Release --project bench/Encore.Bench.Service -- alloc [requests] [tracks] [factors]
// CPU time per user of the serving kernels: ... -- kernel [users] [tracks] [factors]
// Model file only / user ids for wrk: ... -- prepare | users
if (args.Length > 0 && args[0] == "load")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await LoadTest.RunAsync(tracks: Arg(3, 100_000), factors: Arg(4, 64), concurrency: Arg(1, 16), seconds: Arg(2, 15), warmupSeconds: 3);
    return;
}
if (args.Length > 0 && args[0] == "alloc")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await AllocationTest.RunAsync(requests: Arg(1, 5_000), tracks: Arg(2, 100_000), factors: Arg(3, 64));
    return;
}
if (args.Length > 0 && args[0] == "kernel")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    KernelCpu.Run(users: Arg(1, 1_024), tracks: Arg(2, 100_000), factors: Arg(3, 64));
    return;
}
if (args.Length > 0 && args[0] == "users")
{
    foreach (var id in Encore.Models.Files.ModelLoader.Load(ServiceWorld.ModelPath(100_000, 64)).Users.Ids) Console.WriteLine(id);
    return;
}
if (args.Length > 0 && args[0] == "prepare")
{
    Console.WriteLine(ServiceWorld.ModelPath(100_000, 64));
    return;
}
BenchmarkSwitcher.FromTypes([typeof(TopKBenchmarks)]).Run(args.Length > 0 && args[0] == "topk" ? args[1..] : args);

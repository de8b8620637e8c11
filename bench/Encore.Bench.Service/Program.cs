using System.Globalization;
using BenchmarkDotNet.Running;
using Encore.Bench.Service;

// In-process top-10 (BenchmarkDotNet): dotnet run -c Release --project bench/Encore.Bench.Service -- topk [BenchmarkDotNet args]
// HTTP load on loopback:            dotnet run -c Release --project bench/Encore.Bench.Service -- load [concurrency] [seconds] [tracks] [factors]
// Bytes allocated per HTTP request:  dotnet run -c Release --project bench/Encore.Bench.Service -- alloc [requests] [tracks] [factors]
// CPU time per user of the serving kernels: ... -- kernel [users] [tracks] [factors]
// Model file only / user ids for wrk: ... -- prepare | users
// Constant-rate (open-loop) load on a running server, latency from each request's intended send time:
//   ... -- rate URL USERS.txt REQ_PER_S [seconds=30] [connections=32] [warmup seconds=5] [header=1]
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
if (args.Length > 0 && args[0] == "rate")
{
    if (args.Length < 4)
    {
        Console.Error.WriteLine("usage: rate URL USERS.txt REQ_PER_S [seconds=30] [connections=32] [warmup seconds=5] [header=1]");
        Environment.ExitCode = 1;
        return;
    }
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await ConstantRateTest.RunAsync(new Uri(args[1]), args[2], double.Parse(args[3], CultureInfo.InvariantCulture), seconds: Arg(4, 30),
        warmupSeconds: Arg(6, 5), connections: Arg(5, 32), header: Arg(7, 1) != 0);
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

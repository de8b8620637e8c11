using System.Diagnostics;
using System.Globalization;
using Encore.Models.Factorization;
using Encore.Models.Files;
using Encore.Online.Serving;

namespace Encore.Bench.Service;

/// <summary>
/// CPU time per user of the serving kernels on the bench model, in process, one thread (issue 14): the figure does
/// not depend on how many other processes share the cores, unlike wall-clock latency. For each path the process's
/// user + system CPU time (<see cref="Process.TotalProcessorTime"/>) over a fixed number of users after a warm-up of
/// the same size, so the method has reached its final JIT tier (or not: the first row shows the cost of the first
/// calls). Paths: the single-user float32 pass (<see cref="FactorTopK"/>) and the blocked batch kernel with B users per call, which the request batcher runs;
/// each also for a user whose feedback leaves out 16 tracks (an exclude list alone, or 16 more asked of a batch).
/// </summary>
internal static class KernelCpu
{
    public static void Run(int users, int tracks, int factors)
    {
        var model = (FactorModel)ModelLoader.Load(ServiceWorld.ModelPath(tracks, factors));
        var inv = CultureInfo.InvariantCulture;
        var n = model.Users.Count;
        var next = 0;
        int NextUser() => next = (next + 7919) % n;

        double Measure(int batch, Action<int[]> call)
        {
            var ids = new int[batch];
            void Pass()
            {
                for (var done = 0; done < users; done += batch)
                {
                    for (var i = 0; i < batch; i++) ids[i] = NextUser();
                    call(ids);
                }
            }
            var first = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < batch; i++) ids[i] = NextUser();
            call(ids);
            var firstMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
            Pass(); // warm-up: later tiers of the JIT
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            Pass();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            var perUser = cpu / (users / batch * batch);
            Console.WriteLine(string.Create(inv, $"| {batch} | {perUser:F3} | {1000 / perUser:N0} | {wall.Elapsed.TotalMilliseconds / (users / batch * batch):F3} | {firstMs:F1} |"));
            return perUser;
        }

        Console.WriteLine(string.Create(inv, $"model: {n} users x {model.Items.Count} tracks x {model.Dimensions} factors, mapped {model.IsMapped}; {users} users per row; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(inv, $"tiered compilation: {AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var tc) && tc}, env DOTNET_TieredCompilation={Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "(unset)"}, DOTNET_TieredPGO={Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "(unset)"}"));
        Console.WriteLine();
        Console.WriteLine("| path | users per call | CPU ms per user | users per CPU s | wall ms per user | CPU ms of the first call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var options = Encore.Models.Contract.RecommendOptions.Default;
        Console.Write("| single, float32 ");
        Measure(1, ids => FactorTopK.Recommend(model, ids[0], 10, model.Interactions, options));
        foreach (var batch in new[] { 4, 16, 64 })
        {
            Console.Write("| batch kernel ");
            Measure(batch, ids => model.Recommend(ids, 10, options));
        }
        // A user whose feedback leaves out tracks: alone with an exclude list, or batched asking for 16 more and dropping them.
        var avoided = new Encore.Models.Contract.RecommendOptions { Exclude = [.. Enumerable.Range(0, 16).Select(i => i * 97 % model.Items.Count)] };
        Console.Write("| single, float32, 16 tracks excluded ");
        Measure(1, ids => FactorTopK.Recommend(model, ids[0], 10, model.Interactions, avoided));
        foreach (var batch in new[] { 16, 64 })
        {
            Console.Write("| batch kernel, k 10 + 16 (feedback) ");
            Measure(batch, ids => model.Recommend(ids, 10 + RecommendationService.AvoidedBucket, options));
        }
    }
}

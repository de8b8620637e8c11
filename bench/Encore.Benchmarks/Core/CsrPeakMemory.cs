using System.Globalization;
using Encore.Core.Sparse;

namespace Encore.Benchmarks.Core;

/// <summary>
/// Peak memory of one CSR build relative to the final arrays (offsets + columns + values), measured in a
/// fresh process: bytes the builder allocated, and the growth of the resident-set high-water mark (Linux).
/// Run: dotnet run -c Release --project bench/Encore.Benchmarks -- peak-csr [triples]
/// </summary>
internal static class CsrPeakMemory
{
    public static void Run(int triples)
    {
        var input = RandomTriples.Create(triples, 42);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var rssBefore = ProcessMemory.ReadStatusKiB("VmRSS");
        var hwmReset = ProcessMemory.TryResetHighWaterMark();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var matrix = CsrMatrix.FromTriples(RandomTriples.Users, RandomTriples.Items, input.Rows, input.Columns, input.Values);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var hwm = ProcessMemory.ReadStatusKiB("VmHWM");
        long finalBytes = (4L * matrix.Offsets.Length) + (4L * matrix.NonZeros) + (4L * matrix.NonZeros);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "triples {0:N0}, non-zeros {1:N0}, duplicates merged {2:N0}", triples, matrix.NonZeros, triples - matrix.NonZeros));
        Console.WriteLine(string.Format(inv, "final arrays      {0,10:N1} MiB", finalBytes / 1048576.0));
        Console.WriteLine(string.Format(inv, "builder allocated {0,10:N1} MiB = {1:N3} x final (upper bound of the builder's live peak)", allocated / 1048576.0, (double)allocated / finalBytes));
        if (hwmReset)
        {
            var peakGrowth = (hwm - rssBefore) * 1024L;
            Console.WriteLine(string.Format(inv, "RSS peak growth   {0,10:N1} MiB = {1:N3} x final (input arrays excluded)", peakGrowth / 1048576.0, (double)peakGrowth / finalBytes));
        }
        GC.KeepAlive(input);
        GC.KeepAlive(matrix);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Encore.Core.Memory;

namespace Encore.Core.Tests.Memory;

public sealed class HugePagesTests
{
    [Fact]
    public void AllocatePinned_Small_IsAnOrdinaryArrayNotAdvised()
    {
        var array = HugePages.AllocatePinned<float>(1000);

        Assert.Equal(1000, array.Length);
        Assert.False(HugePages.Advise(array));
    }

    [Fact]
    public void AllocatePinned_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HugePages.AllocatePinned<float>(-1));
    }

    [Fact]
    public void AllocatePinned_WhereTheKernelOffersHugePages_BacksTheInteriorWithThem()
    {
        // Linux with THP "always" or "madvise": the advised interior must be backed by huge pages once written.
        if (!OperatingSystem.IsLinux() || !TransparentHugePagesOffered()) return;
        const int length = 12 << 20; // 48 MiB of floats

        var array = HugePages.AllocatePinned<float>(length);
        Array.Fill(array, 1f);

        var (start, end) = Range(array);
        var interior = ((end & ~(long)(HugePages.Size - 1)) - ((start + HugePages.Size - 1) & ~(long)(HugePages.Size - 1))) / 1024;
        var huge = AnonHugePagesKiB(start, end);
        Assert.True(huge >= interior / 2, $"{huge} KiB of the {interior} KiB interior on huge pages");
        Assert.All(array.AsSpan(0, 16).ToArray(), v => Assert.Equal(1f, v));
    }

    private static bool TransparentHugePagesOffered()
    {
        const string path = "/sys/kernel/mm/transparent_hugepage/enabled";
        return File.Exists(path) && !File.ReadAllText(path).Contains("[never]", StringComparison.Ordinal);
    }

    private static unsafe (long Start, long End) Range(float[] array)
    {
        var start = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        return (start, start + (long)array.Length * sizeof(float));
    }

    // Sums AnonHugePages over the mappings of /proc/self/smaps that overlap [start, end), counting each mapping's share.
    private static long AnonHugePagesKiB(long start, long end)
    {
        long total = 0;
        var inRange = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inRange = from < end && to > start;
                continue;
            }
            if (inRange && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                total += long.Parse(line.AsSpan(14).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
        }
        return total;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Encore.Core.Memory;

/// <summary>
/// Large arrays read at random rows (the factor copy ALS gathers from) backed by 2 MiB transparent huge pages on Linux:
/// each random row read then needs a TLB entry per 2 MiB instead of per 4 KiB, and a miss walks one level less (in a
/// virtual machine, one level less of both the guest's and the host's tables). Most distributions ship THP in
/// "madvise" mode, where only ranges marked MADV_HUGEPAGE get huge pages; <see cref="AllocatePinned{T}"/> marks its
/// array's 2 MiB-aligned interior that way before the array is written (pages not touched yet are then faulted in huge),
/// and asks for MADV_COLLAPSE (Linux 6.1+) so that pages the runtime had already touched are merged too. Advice only:
/// where it is refused (other systems, THP "never", older kernels) the array is an ordinary pinned array and nothing
/// else changes. Measured: bench/results/gemm-als.md, "Session 24".
/// </summary>
public static partial class HugePages
{
    /// <summary>The huge page size advised for: 2 MiB (x86-64 and arm64 with 4 KiB base pages).</summary>
    public const int Size = 2 << 20;

    // Arrays below this many bytes hold less than one whole aligned huge page after alignment loss: not worth a VMA split.
    private const long MinimumBytes = 4L * Size;

    private const int AdviseHugePage = 14; // MADV_HUGEPAGE
    private const int AdviseCollapse = 25; // MADV_COLLAPSE

    /// <summary>
    /// A pinned, uninitialised array of <paramref name="length"/> elements (its contents are whatever memory held; write
    /// before reading), advised for huge pages when it spans at least four of them (<see cref="Advise{T}"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">length negative.</exception>
    public static T[] AllocatePinned<T>(int length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        Advise(array);
        return array;
    }

    /// <summary>
    /// Advises the whole 2 MiB pages inside <paramref name="pinned"/> (an array that never moves: allocated pinned) for
    /// huge pages. True when the kernel took the MADV_HUGEPAGE advice; false on other systems, for arrays under 8 MiB, or
    /// when refused. Never throws for a refusal.
    /// </summary>
    public static unsafe bool Advise<T>(T[] pinned) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(pinned);
        var bytes = (long)pinned.Length * sizeof(T);
        if (!OperatingSystem.IsLinux() || bytes < MinimumBytes) return false;
        var start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        var first = (start + Size - 1) & ~(nint)(Size - 1);
        var last = (start + (nint)bytes) & ~(nint)(Size - 1);
        if (last <= first) return false;
        try
        {
            if (MemoryAdvise(first, (nuint)(last - first), AdviseHugePage) != 0) return false;
            // Best effort: fails harmlessly where unsupported or when no huge page is free.
            _ = MemoryAdvise(first, (nuint)(last - first), AdviseCollapse);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int MemoryAdvise(nint address, nuint length, int advice);
}

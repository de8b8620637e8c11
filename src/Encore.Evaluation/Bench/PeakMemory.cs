using System.Diagnostics;

namespace Encore.Evaluation.Bench;

/// <summary>
/// Peak resident memory of one phase. On Linux the kernel's high-water mark (VmHWM, what
/// <see cref="Process.PeakWorkingSet64"/> reads) can be reset by writing 5 to /proc/self/clear_refs, so a
/// phase's peak is measured without the data generation that came before it. Elsewhere the peak is the
/// whole process's.
/// </summary>
public static class PeakMemory
{
    /// <summary>Collects garbage and resets the peak; true when the reset worked (the peak then covers only what follows).</summary>
    public static bool Reset()
    {
        // Aggressive also decommits the freed segments, so memory of earlier phases leaves the working set.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Peak working set of this process in bytes (since the last successful <see cref="Reset"/>).</summary>
    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    /// <summary>Current working set of this process in bytes.</summary>
    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>Largest managed heap size seen by the last full collection's record, in bytes.</summary>
    public static long ManagedHeap() => GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
}

using System.Runtime.InteropServices;

namespace Encore.Models.Diagnostics;

/// <summary>CPU seconds consumed by the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTimeId = 3;

    /// <summary>The calling thread's CPU seconds, or -1 where the clock is not available (not Linux).</summary>
    public static double CpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return -1;
        try
        {
            return ClockGetTime(ThreadCpuTimeId, out var time) == 0 ? time.Seconds + time.Nanoseconds * 1e-9 : -1;
        }
        catch (DllNotFoundException)
        {
            return -1;
        }
        catch (EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Encore.Benchmarks;

/// <summary>
/// The calling thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID) on Linux; the process's elsewhere), so time
/// stolen by other processes on a loaded machine does not count in a single-threaded measurement.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Nanoseconds of CPU time used by the calling thread.</summary>
    public static double Nanoseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0) return t.Seconds * 1e9 + t.Nanoseconds;
        return Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100.0;
    }
}

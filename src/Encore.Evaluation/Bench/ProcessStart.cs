using System.Diagnostics;

namespace Encore.Evaluation.Bench;

/// <summary>
/// When this process reached Main, for the start-up phases of <c>encore bench fit --phases</c> (and <c>encore-fit</c>'s): the runtime's own
/// start (host, runtime, first assemblies) is the time from the operating system's process start to this mark.
/// Marking costs two clock reads; the process's CPU time is read only when the phases are asked for.
/// </summary>
public static class ProcessStart
{
    private static long _mainTimestamp;
    private static DateTimeOffset _mainTime;
    private static TimeSpan _mainCpu;

    /// <summary>Records the mark; called first thing in Main. <paramref name="withCpu"/> also reads the CPU time so far.</summary>
    public static void MarkMain(bool withCpu)
    {
        _mainTimestamp = Stopwatch.GetTimestamp();
        _mainTime = TimeProvider.System.GetUtcNow();
        if (!withCpu) return;
        using var process = Process.GetCurrentProcess();
        _mainCpu = process.TotalProcessorTime;
    }

    /// <summary>Wall seconds from the process start (as the OS records it: 10 ms resolution on Linux) to Main.</summary>
    public static double SecondsToMain()
    {
        using var process = Process.GetCurrentProcess();
        return (_mainTime - process.StartTime.ToUniversalTime()).TotalSeconds;
    }

    /// <summary>CPU seconds (user + sys) of this process before Main (0 unless marked with CPU).</summary>
    public static double CpuToMain => _mainCpu.TotalSeconds;

    /// <summary>Wall seconds since <see cref="MarkMain"/>.</summary>
    public static double SinceMain => Stopwatch.GetElapsedTime(_mainTimestamp).TotalSeconds;
}

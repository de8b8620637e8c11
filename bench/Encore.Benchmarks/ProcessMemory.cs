using System.Globalization;

namespace Encore.Benchmarks;

/// <summary>Linux resident-set readings for peak-memory probes: current RSS, high-water mark, and its reset.</summary>
internal static class ProcessMemory
{
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux >= 4.0).
    public static bool TryResetHighWaterMark()
    {
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

    public static long ReadStatusKiB(string key)
    {
        if (!File.Exists("/proc/self/status")) return 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(key + ":", StringComparison.Ordinal)) continue;
            var digits = line.AsSpan(key.Length + 1).Trim().TrimEnd("kB").Trim();
            return long.Parse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }
        return 0;
    }
}

using System.Runtime.InteropServices;

namespace Encore.Core.Errors;

/// <summary>
/// Ends the process at once with an exit code, without running exit handlers: on Linux and macOS libc's
/// <c>_exit(2)</c>, elsewhere <see cref="Environment.Exit"/>. Environment.Exit runs the native libraries' exit handlers,
/// and OpenBLAS's (<c>gotoblas_quit</c>, joining its worker threads) deadlocked while EASE's inverse ran: Ctrl+C printed
/// "cancelled (the command did not stop within 2 s)" and the process then ran on for minutes (s16-user). Nothing is lost:
/// Encore writes files to a temporary name and renames them, so a skipped handler leaves no half-written output.
/// </summary>
public static partial class ImmediateExit
{
    /// <summary>Flushes the console and ends the process with <paramref name="code"/>; does not return.</summary>
    public static void Now(int code)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                Exit(code);
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }

        Environment.Exit(code);
    }

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void Exit(int status);
}

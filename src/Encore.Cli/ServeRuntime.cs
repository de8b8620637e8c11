using System.Runtime.InteropServices;

namespace Encore.Cli;

/// <summary>
/// One executable, two runtime settings (issue 14): the CLI's runtimeconfig turns tiered compilation off, because a
/// short fit pays for the tier-up work (HetRec ALS fit CPU +18-30% with tiering on); a long-running
/// <c>encore serve</c> wants it on, because the framework's HTTP stack (Kestrel, routing, JSON) ships as ReadyToRun
/// code that only tiering re-compiles at full optimisation (about half the CPU per request; docs/service.md, "Tiered
/// compilation and throughput"). So <c>encore serve</c>, when the user has not chosen (DOTNET_TieredCompilation
/// unset), replaces its own process image (POSIX <c>execve</c>: same process id, same standard input / output /
/// error, signals and exit code go to and from the server directly, as without it) with the same executable and
/// arguments plus <c>DOTNET_TieredCompilation=1</c> and <c>DOTNET_TC_QuickJit=0</c>: framework ReadyToRun code is
/// tiered up, Encore's own code is compiled fully optimised on first call (no tier-0 phase under load).
/// Not done on Windows (no exec) or when the variable is set (any value: the user's choice wins); a failed exec
/// leaves the process running as it is.
/// </summary>
internal static partial class ServeRuntime
{
    /// <summary>The variable that marks the choice as made (by the user or by the re-exec).</summary>
    public const string TieringVariable = "DOTNET_TieredCompilation";

    /// <summary>True for an <c>encore serve</c> command line that will run the server (not help / version output).</summary>
    /// <param name="args">Main's arguments.</param>
    public static bool IsServe(string[] args) =>
        args.Length > 0 && args[0] == "serve" && !args.Any(a => a is "-h" or "--help" or "-?" or "/?" or "/h" or "--version");

    /// <summary>
    /// The environment the server is re-executed with, or null when no re-exec is due (variable already set).
    /// </summary>
    /// <param name="environment">The current environment.</param>
    public static Dictionary<string, string>? ServeEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.ContainsKey(TieringVariable)) return null;
        var result = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            [TieringVariable] = "1",
            ["DOTNET_TC_QuickJit"] = "0",
        };
        return result;
    }

    /// <summary>
    /// The argument vector for re-executing this program: the apphost (<c>encore</c>) and the arguments, or, when the
    /// process is <c>dotnet encore.dll ...</c>, the muxer, the assembly and the arguments.
    /// </summary>
    /// <param name="processPath">Environment.ProcessPath.</param>
    /// <param name="entryAssembly">Path of the entry assembly (encore.dll).</param>
    /// <param name="args">Main's arguments.</param>
    public static string[] Argv(string processPath, string entryAssembly, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var host = Path.GetFileNameWithoutExtension(processPath);
        return host == "dotnet" ? [processPath, entryAssembly, .. args] : [processPath, .. args];
    }

    /// <summary>
    /// Re-executes <c>encore serve</c> with tiered compilation on when due (see the class); returns only when it is not
    /// (or the exec failed, reported on standard error), and the caller then runs the server in this process.
    /// </summary>
    /// <param name="args">Main's arguments.</param>
    public static void ReexecIfDue(string[] args)
    {
        if (!IsServe(args) || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return;
        var current = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        if (ServeEnvironment(current) is not { } environment) return;
        var processPath = Environment.ProcessPath;
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(processPath) || string.IsNullOrEmpty(entry)) return;
        var argv = Argv(processPath, entry, args);
        var envp = environment.Select(e => $"{e.Key}={e.Value}").ToArray();
        Console.Out.Flush();
        Console.Error.Flush();
        _ = Exec(processPath, argv, envp); // returns only on failure
        Console.Error.WriteLine($"warning: could not restart with tiered compilation on (errno {Marshal.GetLastPInvokeError()}); serving with it off (set {TieringVariable}=1 to choose).");
    }

    private static unsafe int Exec(string path, string[] argv, string[] envp)
    {
        var strings = new List<nint>();
        try
        {
            nint Utf8(string s)
            {
                var p = Marshal.StringToCoTaskMemUTF8(s);
                strings.Add(p);
                return p;
            }
            var file = Utf8(path);
            var argvPtr = new nint[argv.Length + 1];
            for (var i = 0; i < argv.Length; i++) argvPtr[i] = Utf8(argv[i]);
            var envPtr = new nint[envp.Length + 1];
            for (var i = 0; i < envp.Length; i++) envPtr[i] = Utf8(envp[i]);
            fixed (nint* a = argvPtr)
            fixed (nint* e = envPtr)
                return Execve(file, a, e);
        }
        finally
        {
            foreach (var p in strings) Marshal.FreeCoTaskMem(p);
        }
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true)]
    private static unsafe partial int Execve(nint path, nint* argv, nint* envp);
}

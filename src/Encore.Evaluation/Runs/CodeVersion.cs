using System.Reflection;

namespace Encore.Evaluation.Runs;

/// <summary>
/// The code version recorded with every run: the assembly's informational version, which the .NET SDK
/// stamps with the git commit ("1.0.0+3f2c…") when the build runs inside a repository.
/// </summary>
public static class CodeVersion
{
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CodeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}

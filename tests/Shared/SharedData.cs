namespace Encore.Tests.Shared;

/// <summary>
/// Locates <c>../shared/datasets</c> beside the repository (as CI has it) or <c>ENCORE_SHARED_DATASETS</c>.
/// Tests over real data use <see cref="SharedDataFactAttribute"/> and are skipped when it is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The datasets folder, or null when this machine does not have it.</summary>
    public static string? DatasetsRoot => Root.Value;

    /// <summary>Full path of a dataset folder or file under the datasets root.</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([DatasetsRoot ?? throw new InvalidOperationException("shared datasets are not present"), .. parts]);

    /// <summary>The benchmarks folder beside the datasets (<c>../shared/benchmarks</c>), or null.</summary>
    public static string? BenchmarksRoot =>
        DatasetsRoot is { } d && Directory.Exists(System.IO.Path.Combine(d, "..", "benchmarks"))
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(d, "..", "benchmarks")) : null;

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("ENCORE_SHARED_DATASETS");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Encore.slnx")))
            {
                var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "datasets"));
                return Directory.Exists(candidate) ? candidate : null;
            }
            dir = dir.Parent;
        }
        return null;
    }
}

/// <summary>A fact that runs only when <c>../shared/datasets</c> is present (CI has it; a fresh clone may not).</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.DatasetsRoot is null) Skip = "../shared/datasets is not present";
    }
}

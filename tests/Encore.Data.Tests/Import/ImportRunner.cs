using Encore.Data.Import;
using Encore.Data.Model;

namespace Encore.Data.Tests.Import;

/// <summary>Runs an importer in strict or lenient mode with optional settings.</summary>
internal static class ImportRunner
{
    public static (MusicDataset Data, ImportReport Report) Run(IDatasetImporter sut, ErrorMode mode, params string[] paths) =>
        Run(sut, mode, new Dictionary<string, string>(), paths);

    public static (MusicDataset Data, ImportReport Report) Run(IDatasetImporter sut, ErrorMode mode,
        Dictionary<string, string> settings, params string[] paths)
    {
        var options = new ImportOptions
        {
            Mode = mode,
            Settings = new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase),
        };
        var report = new ImportReport(mode);
        return (sut.Import(paths, options, report), report);
    }
}

using Encore.Data.Model;

namespace Encore.Data.Import;

/// <summary>One importer per source format family: reads its files (streaming) into the canonical dataset.</summary>
public interface IDatasetImporter
{
    /// <summary>The name used on the command line (<c>encore import &lt;format&gt;</c>).</summary>
    string Format { get; }

    /// <summary>One line for <c>--help</c>: what files it reads.</summary>
    string Description { get; }

    /// <summary>
    /// Reads <paramref name="paths"/> (files or folders, as the format documents). Bad rows go through
    /// <paramref name="report"/> (which throws in strict mode); unreadable files throw
    /// <see cref="Encore.Core.Errors.DataFormatException"/>.
    /// </summary>
    MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}

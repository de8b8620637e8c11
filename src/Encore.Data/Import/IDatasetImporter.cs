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
    /// The <see cref="ImportOptions.Settings"/> keys this format reads (lower-case, e.g. <c>user</c>, <c>item</c>);
    /// empty for formats that read none. A key outside this list is a typo: <see cref="ImporterCatalog.CheckSettings"/>
    /// refuses it instead of importing as if it had not been given.
    /// </summary>
    IReadOnlyList<string> SettingKeys => [];

    /// <summary>
    /// Reads <paramref name="paths"/> (files or folders, as the format documents). Bad rows go through
    /// <paramref name="report"/> (which throws in strict mode); unreadable files throw
    /// <see cref="Encore.Core.Errors.DataFormatException"/>.
    /// </summary>
    MusicDataset Import(IReadOnlyList<string> paths, ImportOptions options, ImportReport report,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);
}

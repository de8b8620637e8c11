using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.HetRec;

/// <summary>What every HetRec file reader needs: the builder, the options, the report, progress and cancellation.</summary>
internal sealed record HetRecContext(MusicDatasetBuilder Builder, ImportOptions Options, ImportReport Report,
    IProgress<ImportProgress>? Progress, CancellationToken CancellationToken)
{
    public const byte Tab = (byte)'\t';

    public DelimitedReader Open(string path) => new(path, Tab, Options, quoting: false, Progress, CancellationToken);
}

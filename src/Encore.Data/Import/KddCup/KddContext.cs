using Encore.Data.Model;
using Encore.Data.Text;

namespace Encore.Data.Import.KddCup;

/// <summary>What every KDD Cup file reader needs. Catalogue lines are '|'-separated.</summary>
internal sealed record KddContext(MusicDatasetBuilder Builder, ImportOptions Options, ImportReport Report,
    IProgress<ImportProgress>? Progress, CancellationToken CancellationToken)
{
    public DelimitedReader Open(string path) => new(path, (byte)'|', Options, quoting: false, Progress, CancellationToken);
}

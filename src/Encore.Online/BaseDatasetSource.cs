using Encore.Data.Model;
using Encore.Data.Snapshots;
using Encore.Online.Serving;

namespace Encore.Online;

/// <summary>
/// The optional base dataset (a snapshot folder named in the options), read once on first use: retraining
/// merges it with the stored events, and title-only playlist continuation searches its playlists.
/// </summary>
public sealed class BaseDatasetSource
{
    private readonly Lazy<MusicDataset?> _dataset;
    private readonly Lazy<TitleIndex?> _titles;

    public BaseDatasetSource(string? snapshotFolder)
        : this(snapshotFolder is null ? () => null : () => DatasetSnapshot.Read(snapshotFolder))
    {
    }

    /// <summary>A source over an in-memory dataset (tests, the synthetic world).</summary>
    public BaseDatasetSource(Func<MusicDataset?> load)
    {
        _dataset = new Lazy<MusicDataset?>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        _titles = new Lazy<TitleIndex?>(() => Dataset is { PlaylistInfo.Count: > 0 } d ? new TitleIndex(d) : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MusicDataset? Dataset => _dataset.Value;

    public TitleIndex? Titles => _titles.Value;
}

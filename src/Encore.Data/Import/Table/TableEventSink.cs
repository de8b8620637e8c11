using Encore.Core.Ids;
using Encore.Data.Model;

namespace Encore.Data.Import.Table;

/// <summary>
/// Where CSV and Parquet table readers put their rows (duplicate removal happens in bulk when the
/// dataset is built: see <see cref="MusicDatasetBuilder.RemoveDuplicateEvents"/>).
/// </summary>
internal sealed class TableEventSink(MusicDatasetBuilder builder)
{
    private readonly IdMap _sessions = new();

    public MusicDatasetBuilder Builder => builder;

    /// <summary>The id map events point to (the builder's <see cref="MusicDatasetBuilder.ItemLevel"/>).</summary>
    public IdMap Items => builder.ItemLevel switch
    {
        EntityLevel.Track => builder.Tracks,
        EntityLevel.Album => builder.Albums,
        EntityLevel.Artist => builder.Artists,
        _ => builder.Genres,
    };

    public void Add(int user, int item, EventKind kind, long time, long session, float value)
    {
        builder.Events.Add(user, item, kind, time, session, value);
    }

    /// <summary>Session ids that are not integers get dense numbers in order of appearance.</summary>
    public long SessionOf(ReadOnlySpan<char> text) => _sessions.GetOrAdd(text);
}

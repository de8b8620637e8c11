using Encore.Core.Ids;
using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.Table;

/// <summary>
/// Where CSV and Parquet table readers put their rows. When rows carry a timestamp, exact duplicate rows are
/// removed (without one, identical rows are legitimately repeated events): rows are buffered and
/// de-duplicated once at the end by sorting row fingerprints, which is several times cheaper than probing
/// a hash set per row.
/// </summary>
internal sealed class TableEventSink(MusicDatasetBuilder builder, ImportReport report, bool removeDuplicates)
{
    private readonly EventTableBuilder _pending = new();
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
        if (removeDuplicates) _pending.Add(user, item, kind, time, session, value);
        else builder.Events.Add(user, item, kind, time, session, value);
    }

    /// <summary>Session ids that are not integers get dense numbers in order of appearance.</summary>
    public long SessionOf(ReadOnlySpan<char> text) => _sessions.GetOrAdd(text);

    /// <summary>Moves buffered rows into the builder in input order, dropping exact repeats (first occurrence kept).</summary>
    public void Finish()
    {
        if (!removeDuplicates || _pending.Count == 0) return;
        var rows = _pending.Build();
        var keep = DuplicateRows.FirstOccurrences(rows);
        var removed = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            if (!keep[r]) { removed++; continue; }
            builder.Events.Add(rows.Users[r], rows.Items[r], rows.Kinds[r], rows.Timestamps[r], rows.Sessions[r], rows.Values[r]);
        }
        if (removed > 0) report.Remove(FaultRules.Duplicate, removed);
    }
}

using Encore.Core.Ids;
using Encore.Data.Import.Common;
using Encore.Data.Model;

namespace Encore.Data.Import.Table;

/// <summary>
/// Where CSV and Parquet table readers put their rows: the event table, with exact duplicates removed when
/// rows carry a timestamp (without one, identical rows are legitimately repeated events).
/// </summary>
internal sealed class TableEventSink(MusicDatasetBuilder builder, ImportReport report, bool removeDuplicates)
{
    private readonly DuplicateFilter<EventKey> _seen = new();
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
        if (removeDuplicates && !_seen.IsNew(new EventKey(user, item, kind, time, session, BitConverter.SingleToInt32Bits(value))))
        {
            report.Remove(FaultRules.Duplicate);
            return;
        }
        builder.Events.Add(user, item, kind, time, session, value);
    }

    /// <summary>Prepares for a file of about <paramref name="rows"/> rows (an estimate from its size).</summary>
    public void Expect(long rows)
    {
        if (removeDuplicates) _seen.Reserve((int)Math.Min(rows, 64_000_000));
    }

    /// <summary>Session ids that are not integers get dense numbers in order of appearance.</summary>
    public long SessionOf(ReadOnlySpan<char> text) => _sessions.GetOrAdd(text);

    /// <summary>A whole event as a hash key; a cheap multiplicative hash beats the record's field-by-field combine in the hot loop.</summary>
    private readonly record struct EventKey(int User, int Item, EventKind Kind, long Time, long Session, int ValueBits)
    {
        public bool Equals(EventKey other) =>
            User == other.User && Item == other.Item && Time == other.Time && ValueBits == other.ValueBits
            && Kind == other.Kind && Session == other.Session;

        public override int GetHashCode()
        {
            var h = ((ulong)(uint)User << 32 | (uint)Item) * 0x9E3779B97F4A7C15UL;
            h ^= (ulong)Time * 0xC2B2AE3D27D4EB4FUL;
            h ^= ((ulong)Session << 8 | (byte)Kind) * 0x165667B19E3779F9UL ^ (uint)ValueBits;
            return (int)(h ^ (h >> 32));
        }
    }
}

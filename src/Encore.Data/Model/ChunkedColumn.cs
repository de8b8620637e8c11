namespace Encore.Data.Model;

/// <summary>
/// An append-only column stored in fixed 1M-element chunks. Unlike <see cref="List{T}"/> it never copies on
/// growth, and <see cref="ToArray"/> releases each chunk as it is copied, so building a table peaks at
/// about one copy of the final arrays instead of two or three.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<T[]> _chunks = [];
    private int _inLast = ChunkSize;

    public long Count { get; private set; }

    public T this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public void Add(T value)
    {
        if (_inLast == ChunkSize)
        {
            _chunks.Add(new T[ChunkSize]);
            _inLast = 0;
        }
        _chunks[^1][_inLast++] = value;
        Count++;
    }

    /// <summary>Copies the rows with keep[r] (all rows when null) into one array of <paramref name="length"/> and empties the column.</summary>
    public T[] ToArray(bool[]? keep, int length)
    {
        var result = new T[length];
        var write = 0;
        long offset = 0;
        for (var c = 0; c < _chunks.Count; c++)
        {
            var n = (int)Math.Min(ChunkSize, Count - offset);
            if (keep is null)
            {
                Array.Copy(_chunks[c], 0, result, write, n);
                write += n;
            }
            else
            {
                var chunk = _chunks[c];
                for (var i = 0; i < n; i++)
                    if (keep[offset + i]) result[write++] = chunk[i];
            }
            _chunks[c] = [];
            offset += n;
        }
        _chunks.Clear();
        _inLast = ChunkSize;
        Count = 0;
        return result;
    }
}

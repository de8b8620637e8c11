using Encore.Core.Errors;

namespace Encore.Core.Sparse;

/// <summary>
/// Immutable compressed sparse row matrix of floats (rows = users, columns = items by convention).
/// Column indices inside each row are strictly increasing. Rows are exposed as spans over the
/// three shared arrays, so reading a row never allocates.
/// </summary>
public sealed class CsrMatrix
{
    private readonly int[] _offsets;
    private readonly int[] _columns;
    private readonly float[] _values;

    /// <summary>Wraps existing arrays after checking that they form a valid CSR layout.</summary>
    public CsrMatrix(int rows, int columns, int[] offsets, int[] columnIndices, float[] values)
    {
        Guard.NonNegative(rows);
        Guard.NonNegative(columns);
        if (offsets.Length != rows + 1) throw new ArgumentException($"offsets must have rows + 1 = {rows + 1} entries, got {offsets.Length}.", nameof(offsets));
        Guard.SameLength(columnIndices.Length, values.Length, "CSR column indices and values");
        if (offsets[0] != 0 || offsets[rows] != columnIndices.Length) throw new ArgumentException("offsets must start at 0 and end at the number of stored values.", nameof(offsets));
        for (var r = 0; r < rows; r++)
        {
            if (offsets[r + 1] < offsets[r] || offsets[r + 1] > columnIndices.Length)
                throw new ArgumentException($"offsets must be non-decreasing and at most {columnIndices.Length}; row {r} ends at {offsets[r + 1]}.", nameof(offsets));
            var previous = -1;
            for (var p = offsets[r]; p < offsets[r + 1]; p++)
            {
                var c = columnIndices[p];
                if (c <= previous || c >= columns) throw new ArgumentException($"row {r}: column indices must be increasing and in [0, {columns}); got {c} after {previous}.", nameof(columnIndices));
                previous = c;
            }
        }
        Rows = rows;
        Columns = columns;
        _offsets = offsets;
        _columns = columnIndices;
        _values = values;
    }

    // Trusted constructor for builders in this assembly that produce valid layouts by construction.
    // The arrays may be longer than NonZeros (slack left by duplicate merging); every view is sliced.
    internal CsrMatrix(int rows, int columns, int[] offsets, int[] columnIndices, float[] values, bool trusted)
    {
        _ = trusted;
        Rows = rows;
        Columns = columns;
        _offsets = offsets;
        _columns = columnIndices;
        _values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Number of stored (non-zero) entries.</summary>
    public int NonZeros => _offsets[Rows];

    /// <summary>Row start positions, length <see cref="Rows"/> + 1.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    public ReadOnlySpan<int> ColumnIndices => _columns.AsSpan(0, NonZeros);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, NonZeros);

    public ReadOnlySpan<int> RowIndices(int row) => _columns.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    public ReadOnlySpan<float> RowValues(int row) => _values.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    public int RowLength(int row) => _offsets[row + 1] - _offsets[row];

    /// <summary>Stored entries per column (length <see cref="Columns"/>): document frequencies, or users per item of an interaction matrix.</summary>
    public int[] ColumnCounts()
    {
        var counts = new int[Columns];
        foreach (var c in ColumnIndices) counts[c]++;
        return counts;
    }

    /// <summary>The stored value at (row, column), or 0 when absent (binary search within the row).</summary>
    public float Get(int row, int column)
    {
        var idx = RowIndices(row).BinarySearch(column);
        return idx >= 0 ? _values[_offsets[row] + idx] : 0f;
    }

    /// <summary>Builds a matrix from unsorted (row, column, value) triples, combining duplicates.</summary>
    public static CsrMatrix FromTriples(int rows, int columns, ReadOnlySpan<int> rowIndices, ReadOnlySpan<int> columnIndices,
        ReadOnlySpan<float> values, DuplicatePolicy duplicates = DuplicatePolicy.Sum) =>
        CsrBuilder.Build(rows, columns, rowIndices, columnIndices, values, duplicates);

    /// <summary>Stored entries from which <see cref="Transpose()"/> splits the work among the cores.</summary>
    internal const int ParallelTransposeMinEntries = 1 << 17;

    /// <summary>The transpose (items x users), built in O(nnz) with a counting pass; a large matrix on all cores (the
    /// same result: each output row still lists its entries by increasing input row).</summary>
    public CsrMatrix Transpose() => Transpose(0, ParallelTransposeMinEntries);

    /// <summary><see cref="Transpose()"/> with the workers (0 = all cores) and the size from which they are used set by
    /// the caller (tests). Worker w takes one range of input rows of about equal entries; every output row holds worker
    /// 0's entries first, then worker 1's, ..., so the rows stay sorted and the result does not depend on the workers.</summary>
    internal CsrMatrix Transpose(int degreeOfParallelism, int parallelMinEntries)
    {
        var workers = Math.Min(Parallelism.ParallelLoop.Workers(degreeOfParallelism), Rows);
        if (NonZeros < parallelMinEntries || workers < 2) return TransposeOnOneCore();
        var bounds = new int[workers + 1];
        bounds[workers] = Rows;
        for (var w = 1; w < workers; w++)
        {
            // The first row starting at or after the w-th equal share of the entries.
            var share = (int)((long)NonZeros * w / workers);
            var at = _offsets.AsSpan(0, Rows + 1).BinarySearch(share);
            if (at < 0) at = ~at;
            else while (at > 0 && _offsets[at - 1] == share) at--;
            bounds[w] = Math.Clamp(at, bounds[w - 1], Rows);
        }
        // counts[w][c]: worker w's entries in column c; then turned into worker w's write cursor in output row c.
        var counts = new int[workers][];
        Parallelism.ParallelLoop.For(workers, workers, (from, to) =>
        {
            for (var w = from; w < to; w++)
            {
                var mine = counts[w] = new int[Columns];
                for (var p = _offsets[bounds[w]]; p < _offsets[bounds[w + 1]]; p++) mine[_columns[p]]++;
            }
        }, chunkSize: 1);
        var offsets = new int[Columns + 1];
        for (var c = 0; c < Columns; c++)
        {
            var at = offsets[c];
            for (var w = 0; w < workers; w++)
            {
                var n = counts[w][c];
                counts[w][c] = at;
                at += n;
            }
            offsets[c + 1] = at;
        }
        var cols = new int[NonZeros];
        var vals = new float[NonZeros];
        Parallelism.ParallelLoop.For(workers, workers, (from, to) =>
        {
            for (var w = from; w < to; w++)
            {
                var cursor = counts[w];
                for (var r = bounds[w]; r < bounds[w + 1]; r++)
                {
                    for (var p = _offsets[r]; p < _offsets[r + 1]; p++)
                    {
                        var dst = cursor[_columns[p]]++;
                        cols[dst] = r;
                        vals[dst] = _values[p];
                    }
                }
            }
        }, chunkSize: 1);
        return new CsrMatrix(Columns, Rows, offsets, cols, vals, trusted: true);
    }

    private CsrMatrix TransposeOnOneCore()
    {
        var counts = new int[Columns + 1];
        foreach (var c in ColumnIndices) counts[c + 1]++;
        for (var c = 0; c < Columns; c++) counts[c + 1] += counts[c];
        var offsets = (int[])counts.Clone();
        var cursor = counts; // reuse as write cursor
        var cols = new int[NonZeros];
        var vals = new float[NonZeros];
        for (var r = 0; r < Rows; r++)
        {
            for (var p = _offsets[r]; p < _offsets[r + 1]; p++)
            {
                var dst = cursor[_columns[p]]++;
                cols[dst] = r; // rows visited in increasing order keep each output row sorted
                vals[dst] = _values[p];
            }
        }
        return new CsrMatrix(Columns, Rows, offsets, cols, vals, trusted: true);
    }

    /// <summary>A copy with every value replaced by f(value); structure is shared.</summary>
    public CsrMatrix MapValues(Func<float, float> f)
    {
        var vals = new float[NonZeros];
        for (var i = 0; i < vals.Length; i++) vals[i] = f(_values[i]);
        return new CsrMatrix(Rows, Columns, _offsets, _columns, vals, trusted: true);
    }

    /// <summary>A copy with the given values (same structure); length must equal <see cref="NonZeros"/>.</summary>
    public CsrMatrix WithValues(float[] values)
    {
        Guard.SameLength(values.Length, NonZeros, "CSR values");
        return new CsrMatrix(Rows, Columns, _offsets, _columns, values, trusted: true);
    }

    /// <summary>
    /// The entries with a value &gt; 0 (finite or +infinity), in the same shape; entries that are 0, negative or
    /// NaN are dropped. Returns this matrix itself when every stored value is already positive (no copy).
    /// Encore's models learn only from this part: a non-positive aggregated value (a skip, a dislike) is
    /// never a positive signal (docs/aggregation.md, "Negative values").
    /// </summary>
    public CsrMatrix PositivePart()
    {
        var values = Values;
        var kept = 0;
        foreach (var v in values)
            if (v > 0) kept++;
        if (kept == values.Length) return this;
        var offsets = new int[Rows + 1];
        var cols = new int[kept];
        var vals = new float[kept];
        var at = 0;
        for (var r = 0; r < Rows; r++)
        {
            for (var p = _offsets[r]; p < _offsets[r + 1]; p++)
            {
                if (!(_values[p] > 0)) continue;
                cols[at] = _columns[p];
                vals[at++] = _values[p];
            }
            offsets[r + 1] = at;
        }
        return new CsrMatrix(Rows, Columns, offsets, cols, vals, trusted: true);
    }
}

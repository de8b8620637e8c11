namespace Encore.Data.Text;

/// <summary>
/// The lines of a tab-separated (first id, second id, value) file whose ids are plain decimal numbers, as parallel
/// arrays in file order: what <see cref="NumericTripleReader.TryRead"/> returns. The arrays are owned by the caller
/// (they may be rewritten in place, e.g. ids to dense indices); entries at and after <see cref="Count"/> are unused.
/// </summary>
public sealed class NumericTriples
{
    internal NumericTriples(int[] first, int[] second, float[] values, int count)
    {
        First = first;
        Second = second;
        Values = values;
        Count = count;
    }

    /// <summary>First column (e.g. user ids), 0 &lt;= id &lt;= <see cref="int.MaxValue"/>.</summary>
    public int[] First { get; }

    /// <summary>Second column (e.g. item ids), 0 &lt;= id &lt;= <see cref="int.MaxValue"/>.</summary>
    public int[] Second { get; }

    /// <summary>Third column, finite.</summary>
    public float[] Values { get; }

    /// <summary>Number of data lines read (empty lines are skipped).</summary>
    public int Count { get; }
}

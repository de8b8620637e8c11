namespace Encore.Evaluation.Bench;

/// <summary>Growable parallel arrays of (row, column, value) triples, without per-pair objects.</summary>
internal sealed class Pairs
{
    public int[] Rows { get; private set; } = new int[1024];

    public int[] Columns { get; private set; } = new int[1024];

    public float[] Values { get; private set; } = new float[1024];

    public int Count { get; private set; }

    public void Add(int row, int column, float value)
    {
        if (Count == Rows.Length)
        {
            var size = checked(Rows.Length * 2);
            Rows = Grow(Rows, size);
            Columns = Grow(Columns, size);
            Values = Grow(Values, size);
        }
        Rows[Count] = row;
        Columns[Count] = column;
        Values[Count++] = value;
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        array.CopyTo(grown, 0);
        return grown;
    }
}

namespace Encore.Data.Model;

/// <summary>Appends int lists one after another (entry by entry) and freezes them into <see cref="IntLists"/>.</summary>
public sealed class IntListsBuilder
{
    private readonly List<int> _offsets = [0];
    private readonly List<int> _values = [];

    public int Count => _offsets.Count - 1;

    /// <summary>Adds one value to the entry currently being written.</summary>
    public void AddValue(int value) => _values.Add(value);

    /// <summary>Closes the current entry; the next values belong to a new one.</summary>
    public void EndEntry() => _offsets.Add(_values.Count);

    public void AddEntry(ReadOnlySpan<int> values)
    {
        foreach (var v in values) _values.Add(v);
        EndEntry();
    }

    /// <summary>Pads with empty entries until <paramref name="count"/> entries exist.</summary>
    public void PadTo(int count)
    {
        while (Count < count) EndEntry();
    }

    public IntLists Build() => new([.. _offsets], [.. _values]);
}

namespace Encore.Data.Model;

/// <summary>Collects user attributes by dense index.</summary>
public sealed class UserTableBuilder
{
    private readonly List<(sbyte Premium, int[] Genres)?> _rows = [];
    private readonly SortedDictionary<string, Dictionary<int, string?>> _attributes = new(StringComparer.Ordinal);

    public void Set(int index, sbyte premium = Missing.Flag, int[]? favouriteGenres = null)
    {
        while (_rows.Count <= index) _rows.Add(null);
        _rows[index] = (premium, favouriteGenres ?? []);
    }

    public void SetAttribute(int index, string name, string? value)
    {
        if (!_attributes.TryGetValue(name, out var column)) _attributes[name] = column = [];
        column[index] = value;
    }

    public UserTable Build(int count)
    {
        var premium = new sbyte[count];
        var genres = new IntListsBuilder();
        for (var i = 0; i < count; i++)
        {
            var row = i < _rows.Count ? _rows[i] : null;
            premium[i] = row?.Premium ?? Missing.Flag;
            genres.AddEntry(row?.Genres ?? []);
        }
        var attributes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (name, column) in _attributes)
        {
            var values = new string?[count];
            foreach (var (i, v) in column)
                if (i < count) values[i] = v;
            attributes[name] = values;
        }
        return new UserTable { Premium = premium, FavouriteGenres = genres.Build(), Attributes = attributes };
    }
}

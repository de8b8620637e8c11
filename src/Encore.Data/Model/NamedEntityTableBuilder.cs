namespace Encore.Data.Model;

/// <summary>Collects artist / album rows by dense index; a later row for the same index replaces the earlier one.</summary>
public sealed class NamedEntityTableBuilder
{
    private readonly List<(string? Name, int Artist, int[] Genres)?> _rows = [];

    public void Set(int index, string? name, int[]? genres = null, int artist = Missing.Id)
    {
        while (_rows.Count <= index) _rows.Add(null);
        _rows[index] = (name, artist, genres ?? []);
    }

    public bool Has(int index) => index < _rows.Count && _rows[index] is not null;

    public NamedEntityTable Build(int count)
    {
        var names = new string?[count];
        var artists = new int[count];
        var genres = new IntListsBuilder();
        for (var i = 0; i < count; i++)
        {
            var row = i < _rows.Count ? _rows[i] : null;
            names[i] = row?.Name;
            artists[i] = row?.Artist ?? Missing.Id;
            genres.AddEntry(row?.Genres ?? []);
        }
        return new NamedEntityTable { Names = names, Artists = artists, Genres = genres.Build() };
    }
}

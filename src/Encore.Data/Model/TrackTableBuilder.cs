namespace Encore.Data.Model;

/// <summary>Collects <see cref="TrackInfo"/> by dense index (any order, gaps allowed) and freezes the columns.</summary>
public sealed class TrackTableBuilder
{
    private readonly List<TrackInfo?> _rows = [];

    public void Set(int index, TrackInfo info)
    {
        while (_rows.Count <= index) _rows.Add(null);
        _rows[index] = info;
    }

    public bool Has(int index) => index < _rows.Count && _rows[index] is not null;

    /// <summary>Freezes <paramref name="count"/> rows (the id map's size); tracks never described stay all-missing.</summary>
    public TrackTable Build(int count)
    {
        var dim = 0;
        foreach (var r in _rows)
        {
            if (r?.Embedding is null) continue;
            if (dim == 0) dim = r.Embedding.Length;
            else if (dim != r.Embedding.Length) throw new InvalidOperationException($"Embedding widths differ: {dim} and {r.Embedding.Length}.");
        }
        var titles = new string?[count];
        var artists = new int[count];
        var albums = new int[count];
        var genres = new IntListsBuilder();
        var durations = new int[count];
        var dates = new int[count];
        var popularity = new float[count];
        var explicitFlags = new sbyte[count];
        var audio = new float[count * AudioFeatures.Count];
        var embeddings = new float[count * dim];
        audio.AsSpan().Fill(float.NaN);
        embeddings.AsSpan().Fill(float.NaN);
        for (var i = 0; i < count; i++)
        {
            var r = i < _rows.Count ? _rows[i] : null;
            r ??= new TrackInfo();
            titles[i] = r.Title;
            artists[i] = r.Artist;
            albums[i] = r.Album;
            genres.AddEntry(r.Genres);
            durations[i] = r.DurationMs;
            dates[i] = r.ReleaseDate;
            popularity[i] = r.Popularity;
            explicitFlags[i] = r.Explicit;
            r.Audio?.AsSpan().CopyTo(audio.AsSpan(i * AudioFeatures.Count, AudioFeatures.Count));
            r.Embedding?.AsSpan().CopyTo(embeddings.AsSpan(i * dim, dim));
        }
        return new TrackTable
        {
            Titles = titles,
            Artists = artists,
            Albums = albums,
            Genres = genres.Build(),
            DurationsMs = durations,
            ReleaseDates = dates,
            Popularity = popularity,
            Explicit = explicitFlags,
            Audio = audio,
            EmbeddingDimension = dim,
            Embeddings = embeddings,
        };
    }
}

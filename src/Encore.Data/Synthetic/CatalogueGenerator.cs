using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// Builds the planted catalogue: artists (primary genre by genre share, optional secondary genre) with a
/// vector near their genre centroid(s); albums near their artist; tracks near their album. Track
/// popularity is Zipf over a random rank permutation, so every genre has hits and a long tail.
/// </summary>
internal static class CatalogueGenerator
{
    private const int MinDurationMs = 30_000;
    private const int MaxDurationMs = 20 * 60_000;

    public static SyntheticCatalogue Create(SyntheticWorldOptions o, ulong seed)
    {
        var rng = SyntheticStreams.For(seed, SyntheticStage.Catalogue, 0);
        var d = o.LatentDimension;
        var genres = GenreSpace.Create(o, ref rng);

        var genreCumulative = new float[genres.Count];
        var acc = 0.0;
        for (var g = 0; g < genres.Count; g++) genreCumulative[g] = (float)(acc += genres.Shares[g]);

        var artistGenres = new int[o.Artists];
        var artistSecondary = new int[o.Artists];
        var artistLatent = new float[o.Artists * d];
        for (var a = 0; a < o.Artists; a++)
        {
            // The first artists cover every genre once, so no planted genre is empty.
            var primary = a < genres.Count ? a : LatentMath.DrawCumulative(genreCumulative, ref rng);
            var secondary = genres.Count > 1 && rng.NextDouble() < o.SecondaryGenreProbability
                ? (primary + 1 + rng.NextInt(genres.Count - 1)) % genres.Count : -1;
            artistGenres[a] = primary;
            artistSecondary[a] = secondary;
            var v = artistLatent.AsSpan(a * d, d);
            LatentMath.AddScaled(v, genres.Centroid(primary), secondary < 0 ? 1f : 0.8f);
            if (secondary >= 0) LatentMath.AddScaled(v, genres.Centroid(secondary), 0.2f);
            LatentMath.AddNoise(v, o.ArtistSpread, ref rng);
        }

        var albums = o.Artists * o.AlbumsPerArtist;
        var albumArtists = new int[albums];
        var albumLatent = new float[albums * d];
        var albumDates = new int[albums];
        for (var a = 0; a < o.Artists; a++)
        {
            var year = 1960 + rng.NextInt(64);
            for (var j = 0; j < o.AlbumsPerArtist; j++)
            {
                var album = a * o.AlbumsPerArtist + j;
                albumArtists[album] = a;
                var v = albumLatent.AsSpan(album * d, d);
                artistLatent.AsSpan(a * d, d).CopyTo(v);
                LatentMath.AddNoise(v, o.AlbumSpread, ref rng);
                year = Math.Min(2024, year + rng.NextInt(1, 4));
                albumDates[album] = year * 10_000 + rng.NextInt(1, 13) * 100 + rng.NextInt(1, 29);
            }
        }

        // Every album gets one track, the rest go to random albums; tracks of an album are contiguous.
        var albumSizes = new int[albums];
        albumSizes.AsSpan().Fill(1);
        for (var t = albums; t < o.Tracks; t++) albumSizes[rng.NextInt(albums)]++;
        var trackAlbums = new int[o.Tracks];
        var trackArtists = new int[o.Tracks];
        var trackGenres = new int[o.Tracks];
        var trackLatent = new float[o.Tracks * d];
        var durations = new int[o.Tracks];
        var next = 0;
        for (var album = 0; album < albums; album++)
        {
            for (var k = 0; k < albumSizes[album]; k++, next++)
            {
                trackAlbums[next] = album;
                trackArtists[next] = albumArtists[album];
                trackGenres[next] = artistGenres[albumArtists[album]];
                var v = trackLatent.AsSpan(next * d, d);
                albumLatent.AsSpan(album * d, d).CopyTo(v);
                LatentMath.AddNoise(v, o.TrackSpread, ref rng);
                var seconds = 210.0 * Math.Exp(0.3 * rng.NextGaussian());
                durations[next] = (int)Math.Clamp(seconds * 1000, MinDurationMs, MaxDurationMs);
            }
        }

        var (zipf, popularity) = Popularity(o, ref rng);
        return new SyntheticCatalogue
        {
            Genres = genres,
            Dimension = d,
            ArtistGenres = artistGenres,
            ArtistSecondaryGenres = artistSecondary,
            ArtistLatent = artistLatent,
            AlbumArtists = albumArtists,
            AlbumLatent = albumLatent,
            AlbumReleaseDates = albumDates,
            TrackAlbums = trackAlbums,
            TrackArtists = trackArtists,
            TrackGenres = trackGenres,
            TrackLatent = trackLatent,
            TrackZipfWeights = zipf,
            TrackPopularity = popularity,
            TrackDurationsMs = durations,
        };
    }

    private static (double[] Zipf, float[] Popularity) Popularity(SyntheticWorldOptions o, ref Rng rng)
    {
        var ranks = new int[o.Tracks];
        for (var i = 0; i < ranks.Length; i++) ranks[i] = i;
        rng.Shuffle(ranks.AsSpan());
        var zipf = new double[o.Tracks];
        var popularity = new float[o.Tracks];
        var logN = Math.Log(o.Tracks + 1.0);
        for (var t = 0; t < o.Tracks; t++)
        {
            zipf[t] = Math.Pow(ranks[t] + 1, -o.ZipfExponent);
            popularity[t] = (float)Math.Round(100 * (1 - Math.Log(ranks[t] + 1.0) / logN));
        }
        return (zipf, popularity);
    }
}

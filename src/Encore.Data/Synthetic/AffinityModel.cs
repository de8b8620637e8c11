using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// True affinity = dot(user taste vector, entity vector), where the entity vector is the track's, album's
/// or artist's planted latent vector or the genre centroid. About 1 for a single-genre user and a typical
/// track of that genre, about 0 for unrelated genres.
/// </summary>
internal sealed class AffinityModel(SyntheticCatalogue catalogue, SyntheticTastes tastes)
{
    public int Dimension => catalogue.Dimension;

    public ReadOnlySpan<float> Taste(int user) => tastes.Taste.AsSpan(user * Dimension, Dimension);

    public float Affinity(int user, EntityLevel level, int target)
    {
        var d = Dimension;
        var vector = level switch
        {
            EntityLevel.Track => catalogue.TrackLatent.AsSpan(target * d, d),
            EntityLevel.Album => catalogue.AlbumLatent.AsSpan(target * d, d),
            EntityLevel.Artist => catalogue.ArtistLatent.AsSpan(target * d, d),
            _ => catalogue.Genres.Centroids.AsSpan(target * d, d),
        };
        return LatentMath.Dot(Taste(user), vector);
    }
}

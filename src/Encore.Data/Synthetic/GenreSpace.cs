using System.Globalization;
using Encore.Core.Randomness;

namespace Encore.Data.Synthetic;

/// <summary>
/// The genres of a world: a name, a share of the catalogue (Zipf over genre rank), a centroid in latent
/// space (random direction of norm about 1, so distinct genres are nearly orthogonal) and an audio profile.
/// </summary>
internal sealed class GenreSpace
{
    private static readonly string[] KnownNames =
    [
        "pop", "rock", "hip hop", "electronic", "indie", "jazz", "classical", "metal", "r&b", "country",
        "folk", "latin", "soul", "punk", "reggae", "blues", "ambient", "techno", "house", "k-pop",
    ];

    private GenreSpace(int count, int dimension)
    {
        Names = new string[count];
        Shares = new double[count];
        Centroids = new float[count * dimension];
        AudioMeans = new float[count * Model.AudioFeatures.Count];
        ExplicitRates = new float[count];
        Dimension = dimension;
    }

    public string[] Names { get; }
    public double[] Shares { get; }
    public float[] Centroids { get; }
    /// <summary>Row-major genres x audio features: the mean of each feature in the genre (key: preferred key).</summary>
    public float[] AudioMeans { get; }
    public float[] ExplicitRates { get; }
    public int Dimension { get; }
    public int Count => Names.Length;

    public ReadOnlySpan<float> Centroid(int genre) => Centroids.AsSpan(genre * Dimension, Dimension);

    public static GenreSpace Create(SyntheticWorldOptions options, ref Rng rng)
    {
        var g = new GenreSpace(options.Genres, options.LatentDimension);
        var total = 0.0;
        for (var i = 0; i < g.Count; i++)
        {
            g.Names[i] = i < KnownNames.Length ? KnownNames[i] : string.Create(CultureInfo.InvariantCulture, $"genre-{i + 1}");
            g.Shares[i] = Math.Pow(i + 1, -options.GenreSizeExponent);
            total += g.Shares[i];
            LatentMath.AddNoise(g.Centroids.AsSpan(i * g.Dimension, g.Dimension), 1.0, ref rng);
            var means = g.AudioMeans.AsSpan(i * Model.AudioFeatures.Count, Model.AudioFeatures.Count);
            for (var f = 0; f < means.Length; f++) means[f] = (float)(0.15 + 0.7 * rng.NextDouble());
            means[AudioColumns.Key] = rng.NextInt(12);
            means[AudioColumns.Loudness] = (float)(-14 + 10 * rng.NextDouble());
            means[AudioColumns.Tempo] = (float)(80 + 80 * rng.NextDouble());
            g.ExplicitRates[i] = (float)(0.4 * rng.NextDouble());
        }
        for (var i = 0; i < g.Count; i++) g.Shares[i] /= total;
        return g;
    }
}

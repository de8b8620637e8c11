using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// Observable track attributes derived from the planted ones: audio features (genre profile + a fixed
/// random projection of the track vector + noise, in realistic ranges), an embedding (a fixed random
/// linear map of the track vector + noise, so models can learn taste from content) and an explicit flag.
/// </summary>
internal static class TrackFeatureGenerator
{
    /// <summary>Row-major audio (tracks x 10) and embeddings (tracks x dimension), explicit flags.</summary>
    public sealed record Result(float[] Audio, float[] Embeddings, int EmbeddingDimension, sbyte[] Explicit);

    public static Result Create(
        SyntheticWorldOptions o, SyntheticCatalogue c, ulong seed)
    {
        var rng = SyntheticStreams.For(seed, SyntheticStage.Catalogue, 1);
        var d = c.Dimension;
        const int features = AudioFeatures.Count;
        var audioProjection = new float[features * d];
        LatentMath.AddNoise(audioProjection, Math.Sqrt(features), ref rng); // each row has norm ~1
        var e = o.EmbeddingDimension;
        var embeddingMap = new float[e * d];
        if (e > 0) LatentMath.AddNoise(embeddingMap, Math.Sqrt(e), ref rng);

        var audio = new float[c.TrackCount * features];
        var embeddings = new float[c.TrackCount * e];
        var explicitFlags = new sbyte[c.TrackCount];
        for (var t = 0; t < c.TrackCount; t++)
        {
            var genre = c.TrackGenres[t];
            var latent = c.Track(t);
            var means = c.Genres.AudioMeans.AsSpan(genre * features, features);
            var row = audio.AsSpan(t * features, features);
            for (var f = 0; f < features; f++)
            {
                var signal = LatentMath.Dot(audioProjection.AsSpan(f * d, d), latent);
                row[f] = f switch
                {
                    AudioColumns.Key => rng.NextDouble() < 0.4 ? means[f] : rng.NextInt(12),
                    AudioColumns.Loudness => Math.Clamp(means[f] + 2f * signal + 2.5f * (float)rng.NextGaussian(), -60f, 0f),
                    AudioColumns.Tempo => Math.Clamp(means[f] + 10f * signal + 12f * (float)rng.NextGaussian(), 60f, 200f),
                    _ => Math.Clamp(means[f] + 0.1f * signal + 0.1f * (float)rng.NextGaussian(), 0f, 1f),
                };
            }
            var emb = embeddings.AsSpan(t * e, e);
            for (var k = 0; k < e; k++)
                emb[k] = LatentMath.Dot(embeddingMap.AsSpan(k * d, d), latent) + (float)(o.EmbeddingNoise * rng.NextGaussian());
            explicitFlags[t] = rng.NextFloat() < c.Genres.ExplicitRates[genre] ? (sbyte)1 : (sbyte)0;
        }
        return new Result(audio, embeddings, e, explicitFlags);
    }
}

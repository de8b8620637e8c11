using System.Globalization;
using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// Playlists drawn from their owner's taste: a random owner, a main genre from the owner's mixture (kept
/// with the session stickiness, otherwise redrawn), 10% popular filler; distinct tracks; length 4 + geometric
/// with the configured mean; log-normal follower counts. One random stream per playlist.
/// </summary>
internal static class PlaylistGenerator
{
    public static void Fill(PlaylistTableBuilder target, SyntheticWorldOptions o, SyntheticCatalogue catalogue,
        SyntheticTastes tastes, TrackSampler sampler, ulong seed, CancellationToken ct)
    {
        var stageSeed = SyntheticStreams.StageSeed(seed, SyntheticStage.Playlists);
        var end = o.StartTime.ToUnixTimeMilliseconds() + o.SpanDays * 86_400_000L;
        var tracks = new List<int>();
        var seen = new HashSet<int>();
        for (var p = 0; p < o.Playlists; p++)
        {
            if ((p & 255) == 0) ct.ThrowIfCancellationRequested();
            var rng = SyntheticStreams.ForIndex(stageSeed, p);
            var owner = rng.NextInt(o.Users);
            var taste = tastes.Taste.AsSpan(owner * catalogue.Dimension, catalogue.Dimension);
            var mainGenre = sampler.DrawGenre(owner, ref rng);
            var length = Math.Min(catalogue.TrackCount, 3 + SessionSchedule.Length(o.MeanPlaylistLength - 3, ref rng));
            tracks.Clear();
            seen.Clear();
            for (var attempts = 0; tracks.Count < length && attempts < length * 8; attempts++)
            {
                var track = rng.NextDouble() < 0.1
                    ? sampler.DrawPopular(ref rng)
                    : sampler.DrawInGenre(rng.NextDouble() < o.SessionGenreStickiness ? mainGenre : sampler.DrawGenre(owner, ref rng),
                        taste, ref rng, out _);
                if (seen.Add(track)) tracks.Add(track);
            }
            var name = string.Create(CultureInfo.InvariantCulture, $"{catalogue.Genres.Names[mainGenre]} mix {p + 1}");
            var followers = Math.Max(0, (int)Math.Exp(1.5 * rng.NextGaussian()) - 1);
            var join = tastes.JoinTimes[owner];
            var modified = join + (long)(rng.NextDouble() * Math.Max(1, end - join));
            target.Add(name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tracks), owner, followers, modified);
        }
    }
}

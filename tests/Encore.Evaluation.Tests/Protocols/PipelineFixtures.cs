using Encore.Data.Model;
using Encore.Evaluation.Experiments;
using Encore.Evaluation.Protocols;

namespace Encore.Evaluation.Tests.Protocols;

internal static class PipelineFixtures
{
    /// <summary>
    /// Three users, five tracks (t0-t2 by artist a0 with genre g0, t3-t4 by a1 with genre g1), eleven timed plays:
    /// train (times 1-8): u0 t0 t1; u1 t0 t2; u2 t0 t1 t3 t0. Validation (9): u0 t3. Test (10): u1 t1 (new) and u2 t3 (a repeat).
    /// </summary>
    public static MusicDataset TimedWorld()
    {
        var b = new MusicDatasetBuilder("hand-written");
        foreach (var u in new[] { "u0", "u1", "u2" }) b.Users.GetOrAdd(u);
        var a0 = b.Artists.GetOrAdd("a0");
        var a1 = b.Artists.GetOrAdd("a1");
        b.ArtistInfo.Set(a0, "A0", b.GenreIndices(["g0"]));
        b.ArtistInfo.Set(a1, "A1", b.GenreIndices(["g1"]));
        for (var t = 0; t < 5; t++)
        {
            var track = b.Tracks.GetOrAdd($"t{t}");
            b.TrackInfo.Set(track, new TrackInfo { Title = $"T{t}", Artist = t < 3 ? a0 : a1 });
        }
        foreach (var (user, track, time) in new[] { (0, 0, 1L), (0, 1, 2), (1, 0, 3), (1, 2, 4), (2, 0, 5), (2, 1, 6), (2, 3, 7), (2, 0, 8), (0, 3, 9), (1, 1, 10), (2, 3, 10) })
            b.Events.Add(user, track, EventKind.Play, time);
        return b.Build();
    }

    public static ModelCandidate Popularity()
    {
        var (trainer, parameters) = TrainerFactory.Create("popularity");
        return new ModelCandidate("popularity", trainer, parameters);
    }

    public static EvaluationSettings Settings(params int[] ks) => new() { Ks = ks, Dataset = "hand-written", DatasetHash = "h" };
}

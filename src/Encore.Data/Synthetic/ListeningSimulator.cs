using Encore.Core.Parallelism;
using Encore.Core.Randomness;
using Encore.Data.Model;

namespace Encore.Data.Synthetic;

/// <summary>
/// Writes every user's listening history straight into the final event columns: each user owns a slice
/// (its offset is the prefix sum of the activity budgets) and its own random stream, so users run in
/// parallel, nothing is concatenated or copied, and the result does not depend on the thread count.
/// </summary>
internal sealed class ListeningSimulator(SyntheticWorldOptions o, SyntheticCatalogue catalogue, SyntheticTastes tastes,
    TrackSampler sampler, ulong seed)
{
    private const long MinSessionGapMs = 10 * 60_000L;
    private readonly FeedbackModel _feedback = new(o);
    private readonly long _endMs = o.StartTime.ToUnixTimeMilliseconds() + o.SpanDays * 86_400_000L;
    private readonly ulong _stageSeed = SyntheticStreams.StageSeed(seed, SyntheticStage.Listening);

    public EventTable Run(CancellationToken ct)
    {
        var budgets = tastes.EventBudgets;
        var offsets = new int[budgets.Length + 1];
        for (var u = 0; u < budgets.Length; u++) offsets[u + 1] = checked(offsets[u] + budgets[u]);
        var n = offsets[^1];
        var events = new EventTable
        {
            Users = new int[n],
            Items = new int[n],
            Kinds = new EventKind[n],
            Timestamps = new long[n],
            Sessions = new long[n],
            Values = new float[n],
        };
        events.Values.AsSpan().Fill(Missing.Value);
        var sessionCounts = new int[budgets.Length];
        ParallelLoop.For(budgets.Length, o.DegreeOfParallelism, _ => new ListeningScratch(), (from, to, scratch) =>
        {
            for (var u = from; u < to; u++) sessionCounts[u] = SimulateUser(u, offsets[u], offsets[u + 1], events, scratch);
        }, ct);
        NumberSessions(events, offsets, sessionCounts, ct);
        return events;
    }

    /// <summary>Fills rows [from, to) with user <paramref name="user"/>'s sessions; returns how many sessions.</summary>
    private int SimulateUser(int user, int from, int to, EventTable e, ListeningScratch scratch)
    {
        var rng = SyntheticStreams.ForIndex(_stageSeed, user);
        var taste = tastes.Taste.AsSpan(user * catalogue.Dimension, catalogue.Dimension);
        scratch.HistoryCount = 0;
        var starts = SessionSchedule.Draw(scratch, tastes.JoinTimes[user], _endMs, to - from, o.MeanSessionLength, ref rng);
        var w = from;
        var session = 0;
        var previousEnd = long.MinValue;
        for (; w < to; session++)
        {
            var t = session < starts.Length ? starts[session] : previousEnd + SessionSchedule.GapAfter(ref rng);
            if (previousEnd != long.MinValue) t = Math.Max(t, previousEnd + MinSessionGapMs);
            var plays = SessionSchedule.Length(o.MeanSessionLength, ref rng);
            var sessionGenre = sampler.DrawGenre(user, ref rng);
            for (var p = 0; p < plays && w < to; p++)
            {
                var track = DrawTrack(user, sessionGenre, taste, scratch, ref rng, out var affinity);
                Write(e, w++, user, track, EventKind.Play, t, session);
                var duration = catalogue.TrackDurationsMs[track];
                if (w < to && rng.NextDouble() < _feedback.SkipProbability(affinity))
                {
                    t += Math.Max(1_000, (long)(duration * (0.05 + 0.25 * rng.NextDouble())));
                    Write(e, w++, user, track, EventKind.Skip, t, session);
                    t += 500 + rng.NextInt(3_000);
                    continue;
                }
                scratch.AddHistory(track);
                if (w < to && rng.NextDouble() < _feedback.LikeProbability(affinity))
                    Write(e, w++, user, track, EventKind.Like, t + (long)(duration * (0.2 + 0.75 * rng.NextDouble())), session);
                t += duration + rng.NextInt(5_000);
            }
            previousEnd = t;
        }
        return session;
    }

    private int DrawTrack(int user, int sessionGenre, ReadOnlySpan<float> taste, ListeningScratch scratch, ref Rng rng, out float affinity)
    {
        int track;
        if (scratch.HistoryCount > 0 && rng.NextDouble() < o.RepeatProbability)
            track = scratch.History[rng.NextInt(scratch.HistoryCount)];
        else if (rng.NextDouble() < o.ExplorationProbability)
            track = sampler.DrawPopular(ref rng);
        else
        {
            var genre = rng.NextDouble() < o.SessionGenreStickiness ? sessionGenre : sampler.DrawGenre(user, ref rng);
            return sampler.DrawInGenre(genre, taste, ref rng, out affinity);
        }
        affinity = LatentMath.Dot(taste, catalogue.Track(track));
        return track;
    }

    private static void Write(EventTable e, int row, int user, int track, EventKind kind, long time, int session)
    {
        e.Users[row] = user;
        e.Items[row] = track;
        e.Kinds[row] = kind;
        e.Timestamps[row] = time;
        e.Sessions[row] = session;
    }

    // Sessions were numbered per user; make them global (dense, in user order).
    private void NumberSessions(EventTable e, int[] offsets, int[] sessionCounts, CancellationToken ct)
    {
        var first = new long[sessionCounts.Length];
        for (var u = 1; u < first.Length; u++) first[u] = first[u - 1] + sessionCounts[u - 1];
        ParallelLoop.For(sessionCounts.Length, o.DegreeOfParallelism, (from, to) =>
        {
            for (var u = from; u < to; u++)
                for (var r = offsets[u]; r < offsets[u + 1]; r++) e.Sessions[r] += first[u];
        }, ct);
    }
}

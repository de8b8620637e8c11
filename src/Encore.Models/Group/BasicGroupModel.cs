using Encore.Core.Errors;
using Encore.Core.Randomness;
using Encore.Core.Sparse;

namespace Encore.Models.Group;

/// <summary>
/// SPEC S1's basic group model, no trained model needed: each member's most played tracks (by value, ties
/// by smaller track index) are pooled; tracks that two or more members share come first (members desc,
/// then their total plays desc, then track index); the remaining slots are filled from the other pooled
/// tracks in a seeded random order.
/// </summary>
public sealed class BasicGroupModel
{
    private readonly CsrMatrix _interactions;

    public BasicGroupModel(CsrMatrix interactions, int tracksPerMember = 50, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        Guard.Positive(tracksPerMember);
        _interactions = interactions;
        TracksPerMember = tracksPerMember;
        Seed = seed;
    }

    /// <value>Most played tracks taken from each member. Default 50 (SPEC S1).</value>
    public int TracksPerMember { get; }

    /// <value>Seed of the random fill. Default 42.</value>
    public ulong Seed { get; }

    public int[] Recommend(ReadOnlySpan<int> members, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var count = new Dictionary<int, int>();
        var plays = new Dictionary<int, double>();
        foreach (var member in members)
        {
            if ((uint)member >= (uint)_interactions.Rows)
                throw new ArgumentOutOfRangeException(nameof(members), member, $"Member {member} is outside the {_interactions.Rows} users of the matrix.");
            foreach (var (track, value) in TopTracks(member))
            {
                count[track] = count.GetValueOrDefault(track) + 1;
                plays[track] = plays.GetValueOrDefault(track) + value;
            }
        }
        var shared = count.Where(c => c.Value >= 2).Select(c => c.Key).ToList();
        shared.Sort((a, b) => count[b] != count[a] ? count[b].CompareTo(count[a])
            : plays[b] != plays[a] ? plays[b].CompareTo(plays[a]) : a.CompareTo(b));
        var rest = count.Where(c => c.Value < 2).Select(c => c.Key).Order().ToArray();
        new Rng(Seed).Shuffle(rest.AsSpan());
        return [.. shared.Concat(rest).Take(n)];
    }

    private List<(int Track, float Value)> TopTracks(int member)
    {
        var tracks = _interactions.RowIndices(member);
        var values = _interactions.RowValues(member);
        var list = new List<(int Track, float Value)>(tracks.Length);
        for (var p = 0; p < tracks.Length; p++) list.Add((tracks[p], values[p]));
        list.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Track.CompareTo(b.Track));
        return list.GetRange(0, Math.Min(TracksPerMember, list.Count));
    }
}

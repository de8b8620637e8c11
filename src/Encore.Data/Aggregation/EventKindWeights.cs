using Encore.Data.Model;

namespace Encore.Data.Aggregation;

/// <summary>
/// How much one event of each kind adds to a (user, item) score. Immutable; <see cref="With"/> returns a
/// changed copy. Default (SPEC S1): play 1, like 1, every other kind 0, plus playlist-add 1 (an MPD playlist entry).
/// </summary>
public sealed class EventKindWeights
{
    private readonly float[] _weights; // indexed by the EventKind byte, so a lookup is one array read

    private EventKindWeights(float[] weights) => _weights = weights;

    /// <summary>
    /// Play 1, like 1 (SPEC S1), playlist-add 1 (each MPD playlist entry, so playlists train as users; S1's logs have
    /// none), everything else (skip, dislike, advertisement, ...) 0.
    /// </summary>
    public static EventKindWeights Default { get; } = None.With(EventKind.Play, 1f).With(EventKind.Like, 1f).With(EventKind.PlaylistAdd, 1f);

    /// <summary>Every kind weighs 0.</summary>
    public static EventKindWeights None => new(new float[256]);

    public float this[EventKind kind] => _weights[(byte)kind];

    /// <summary>A copy where <paramref name="kind"/> weighs <paramref name="weight"/> (may be negative, e.g. dislike).</summary>
    public EventKindWeights With(EventKind kind, float weight)
    {
        if (!float.IsFinite(weight)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weight must be finite.");
        var copy = (float[])_weights.Clone();
        copy[(byte)kind] = weight;
        return new EventKindWeights(copy);
    }

    internal ReadOnlySpan<float> Table => _weights;
}

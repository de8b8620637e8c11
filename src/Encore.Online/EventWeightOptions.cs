using Encore.Data.Aggregation;
using Encore.Data.Model;

namespace Encore.Online;

/// <summary>
/// How much one event of each kind adds to a (user, track) score, for retraining and for fold-in from stored
/// history. Defaults follow SPEC S1: play 1, like 1, everything else 0.
/// </summary>
public sealed record EventWeightOptions
{
    public float Play { get; init; } = 1f;

    public float Like { get; init; } = 1f;

    public float Skip { get; init; }

    public float Dislike { get; init; }

    public float PlaylistAdd { get; init; }

    /// <value>Weight of a rating event (times nothing: ratings count like any event). Default 0.</value>
    public float Rating { get; init; }

    public EventKindWeights ToKindWeights() => EventKindWeights.None
        .With(EventKind.Play, Play).With(EventKind.Like, Like).With(EventKind.Skip, Skip)
        .With(EventKind.Dislike, Dislike).With(EventKind.PlaylistAdd, PlaylistAdd).With(EventKind.Rating, Rating);

    public float this[EventKind kind] => kind switch
    {
        EventKind.Play => Play,
        EventKind.Like => Like,
        EventKind.Skip => Skip,
        EventKind.Dislike => Dislike,
        EventKind.PlaylistAdd => PlaylistAdd,
        EventKind.Rating => Rating,
        _ => 0f,
    };
}

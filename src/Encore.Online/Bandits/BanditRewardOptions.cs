using Encore.Data.Model;

namespace Encore.Online.Bandits;

/// <summary>
/// The reward a feedback event gives the choice it answers (finite, usually in [0, 1]). Defaults: like and play 1
/// (the user took the track), skip and dislike 0 (the user rejected it), playlist-add 1. Ratings and other kinds
/// do not update a bandit.
/// </summary>
public sealed record BanditRewardOptions
{
    public double Like { get; init; } = 1;

    public double Play { get; init; } = 1;

    public double Skip { get; init; }

    public double Dislike { get; init; }

    public double PlaylistAdd { get; init; } = 1;

    /// <summary>The reward of <paramref name="kind"/>, or null when that kind does not update a bandit.</summary>
    public double? For(EventKind kind) => kind switch
    {
        EventKind.Like => Like,
        EventKind.Play => Play,
        EventKind.Skip => Skip,
        EventKind.Dislike => Dislike,
        EventKind.PlaylistAdd => PlaylistAdd,
        _ => null,
    };
}

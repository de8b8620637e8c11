using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Playlists;

/// <summary>Options of <see cref="PlaylistKnnTrainer"/> (SPEC S5 baseline).</summary>
public sealed record PlaylistKnnOptions : ModelOptions
{
    private readonly int _neighbours = 5;

    /// <value>Most similar playlists whose tracks are pooled. Default 5 (SPEC S5); search range 1..200.</value>
    public int Neighbours
    {
        get => _neighbours;
        init { Guard.Positive(value, nameof(Neighbours)); _neighbours = value; }
    }

    /// <value>When the pool has fewer than k tracks, fill with the most popular other tracks (ranked below the pool). Default true.</value>
    public bool FillWithPopular { get; init; } = true;
}

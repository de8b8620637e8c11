using Encore.Core.Errors;

namespace Encore.Data.Synthetic.MovieLens;

/// <summary>
/// Settings of the MovieLens-shaped synthetic world (<see cref="MovieLensWorld"/>, <c>encore synth --preset movielens</c>).
/// Every value is checked when set. Defaults give a MovieLens 100K-sized table: 1,000 users x 1,700 movies, about 100,000
/// ratings (6% of the pairs), at least 20 per user.
/// </summary>
public sealed record MovieLensWorldOptions
{
    private readonly int _users = 1000;
    private readonly int _movies = 1700;
    private readonly long _targetRatings = 100_000;
    private readonly int _genres = 18;
    private readonly double _tasteShare = 0.6;

    /// <value>Users. Default 1,000. Must be in [1, 10,000,000].</value>
    public int Users { get => _users; init { Guard.InRange(value, 1, 10_000_000, nameof(Users)); _users = value; } }

    /// <value>Movies (the data set's tracks). Default 1,700. Must be in [50, 10,000,000].</value>
    public int Movies { get => _movies; init { Guard.InRange(value, 50, 10_000_000, nameof(Movies)); _movies = value; } }

    /// <value>
    /// Ratings to aim at (the mean user rates <c>TargetRatings / Users</c> movies, at least <see cref="MinRatingsPerUser"/> and at
    /// most 40% of the movies, so the total can differ). Default 100,000. Must be &gt;= 1.
    /// </value>
    public long TargetRatings { get => _targetRatings; init { Guard.InRange(value, 1, long.MaxValue, nameof(TargetRatings)); _targetRatings = value; } }

    /// <value>Genres; each movie has one, each user two favourites. Default 18 (MovieLens' count). Must be in [3, 1,000].</value>
    public int Genres { get => _genres; init { Guard.InRange(value, 3, 1000, nameof(Genres)); _genres = value; } }

    /// <value>
    /// Share of a user's picks drawn from the favourite genres (the planted taste; the rest follow popularity alone).
    /// Default 0.6. Must be in [0, 1]; 0 leaves popularity as the whole signal of who rates what.
    /// </value>
    public double TasteShare { get => _tasteShare; init { Guard.InRange(value, 0, 1, nameof(TasteShare)); _tasteShare = value; } }

    /// <value>Fewest ratings of a user (MovieLens keeps users with 20 or more). Default 20; capped at 40% of the movies.</value>
    public int MinRatingsPerUser { get; init; } = 20;

    /// <value>Seed of every draw: the same options give the same data set. Default 42.</value>
    public ulong Seed { get; init; } = 42;
}

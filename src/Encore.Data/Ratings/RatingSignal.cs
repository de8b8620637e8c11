namespace Encore.Data.Ratings;

/// <summary>
/// Whether explicit ratings are the training and relevance signal (<c>data.ratings=</c>, docs/ratings.md), and how
/// training uses them. Relevance never depends on this choice: a held-out rating is relevant when it is at least the
/// protocol's threshold.
/// </summary>
public enum RatingSignal
{
    /// <summary>
    /// Default: ratings are the signal (as <see cref="Values"/>) when the data set's events carry no positive weight
    /// (a rating data set such as Yahoo! R3 or KDD Cup); otherwise the events are the signal and ratings are not read.
    /// </summary>
    Auto,
    /// <summary>Events are the signal; ratings are not read.</summary>
    Ignore,
    /// <summary>Every rating trains with its value as the interaction value (1..5, 0..100, ...).</summary>
    Values,
    /// <summary>Only ratings at or above the threshold train (with their value); lower ones are left out of training.</summary>
    Positive,
    /// <summary>
    /// Ratings at or above the threshold train with their value; lower ones train as negative feedback with value -1
    /// (a dislike: the pair is known, carries no positive signal, and is not recommended again).
    /// </summary>
    Signed,
}

namespace Encore.Data.Aggregation;

/// <summary>How explicit ratings turn into a score (see <see cref="AggregationOptions.RatingThreshold"/>).</summary>
public enum RatingMode
{
    /// <summary>Ratings are not read.</summary>
    Ignore,
    /// <summary>The rating value itself.</summary>
    Raw,
    /// <summary>1 if value >= threshold, else 0.</summary>
    Binary,
    /// <summary>value - threshold when positive, else 0 (only ratings above the threshold count, by how much).</summary>
    AboveThreshold,
}

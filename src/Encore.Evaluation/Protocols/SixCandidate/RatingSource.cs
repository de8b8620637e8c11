namespace Encore.Evaluation.Protocols.SixCandidate;

/// <summary>Where the six-candidate protocol's track ratings come from.</summary>
public enum RatingSource : byte
{
    /// <summary>The dataset's explicit track ratings when it has any, else <see cref="Interactions"/>.</summary>
    Auto = 0,

    /// <summary>Only the dataset's explicit ratings (KDD Cup, the synthetic S4 ratings).</summary>
    Explicit = 1,

    /// <summary>Ratings derived from interaction totals by <see cref="DerivedRatings"/> (IUM, listening logs); explicit ratings are ignored.</summary>
    Interactions = 2,
}

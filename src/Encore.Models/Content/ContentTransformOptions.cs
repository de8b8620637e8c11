using Encore.Core.Errors;

namespace Encore.Models.Content;

/// <summary>How raw item content vectors become model inputs: standardise, L2-normalise, then PCA.</summary>
public sealed record ContentTransformOptions
{
    private readonly int _components;

    /// <value>Subtract each column's mean and divide by its standard deviation (missing values become the mean). Default true.</value>
    public bool Standardise { get; init; } = true;

    /// <value>Scale each standardised row to unit Euclidean length. Default true.</value>
    public bool L2Normalise { get; init; } = true;

    /// <value>PCA components kept after normalising; 0 (default) = no reduction. Values at or above the input width keep every column.</value>
    public int Components
    {
        get => _components;
        init { Guard.NonNegative(value, nameof(Components)); _components = value; }
    }
}

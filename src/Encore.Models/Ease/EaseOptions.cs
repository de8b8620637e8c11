using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Ease;

/// <summary>Options of <see cref="EaseTrainer"/> (Steck 2019, "Embarrassingly Shallow Autoencoders").</summary>
public sealed record EaseOptions : ModelOptions
{
    private readonly double _lambda = 500;
    private readonly int _maxItems = 50_000;
    private readonly int _neighbours;

    /// <value>L2 regularisation added to the diagonal of X^T X. Default 500 (the paper's value for ML-20M); search range 10..5000 (log scale).</value>
    public double Lambda
    {
        get => _lambda;
        init { Guard.Positive(value, nameof(Lambda)); _lambda = value; }
    }

    /// <value>Largest catalogue EASE accepts (it needs a dense item x item matrix while training). Default 50,000.</value>
    public int MaxItems
    {
        get => _maxItems;
        init { Guard.Positive(value, nameof(MaxItems)); _maxItems = value; }
    }

    /// <value>
    /// Sparse EASE: keep only the N largest weights of each item's row of B (0 = keep the dense matrix). Default 0. With
    /// N = 200 on 17,632 items the model holds 3.5 M weights (28 MB) instead of 311 M (1.2 GB); scores change little.
    /// </value>
    public int Neighbours
    {
        get => _neighbours;
        init { Guard.NonNegative(value, nameof(Neighbours)); _neighbours = value; }
    }
}

using Encore.Core.Errors;
using Encore.Models.Contract;

namespace Encore.Models.Ease;

/// <summary>Options of <see cref="EaseTrainer"/> (Steck 2019, "Embarrassingly Shallow Autoencoders").</summary>
public sealed record EaseOptions : ModelOptions
{
    private readonly double _lambda = 500;
    private readonly int _maxItems = 50_000;

    /// <value>L2 regularisation added to the diagonal of X^T X. Default 500 (the paper's value for ML-20M); search range 10..5000 (log scale).</value>
    public double Lambda
    {
        get => _lambda;
        init { Guard.Positive(value, nameof(Lambda)); _lambda = value; }
    }

    /// <value>Largest catalogue EASE accepts (it needs a dense item x item matrix). Default 50,000.</value>
    public int MaxItems
    {
        get => _maxItems;
        init { Guard.Positive(value, nameof(MaxItems)); _maxItems = value; }
    }
}
